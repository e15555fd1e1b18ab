using System.Linq.Expressions;
using LanceOrm.Embeddings;
using LanceOrm.Querying;
using LanceOrm.Mapping;

namespace LanceOrm;

/// <summary>
/// The assignments of an update: <c>set.Set(x =&gt; x.Year, 2025)</c>. Values become escaped literals. Setting the text of
/// an <see cref="EmbedAttribute"/> property also sets its vector, computed locally from the new text (or image), so a
/// stored vector always belongs to its row's current text (or image).
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class LanceUpdateBuilder<T>
{
    private readonly FilterTranslator<T> _translator;
    private readonly ILanceEntityMap<T> _map;
    private readonly List<(string Column, string Sql)> _assignments = [];
    private readonly List<(EmbeddingBinding<T> Binding, string Text)> _texts = [];
    private readonly List<(EmbeddingBinding<T> Binding, ImageInput? Image)> _images = [];

    internal LanceUpdateBuilder(FilterTranslator<T> translator, ILanceEntityMap<T> map)
    {
        _translator = translator;
        _map = map;
    }

    internal IReadOnlyList<(string Column, string Sql)> Assignments => _assignments;

    /// <summary>The new texts of embedded properties, whose vectors the update must compute and set too.</summary>
    internal IReadOnlyList<(EmbeddingBinding<T> Binding, string Text)> EmbeddedTexts => _texts;

    /// <summary>The new images of embedded image properties (null: no image, so a null vector), whose vectors the update must set too.</summary>
    internal IReadOnlyList<(EmbeddingBinding<T> Binding, ImageInput? Image)> EmbeddedImages => _images;

    /// <summary>
    /// Sets a column to a value (escaped as a literal of the column's type). For an <see cref="EmbedAttribute"/> property the
    /// update also writes the vector of the new text (a null text is embedded as the empty string, as on insert).
    /// </summary>
    public LanceUpdateBuilder<T> Set<TValue>(Expression<Func<T, TValue>> property, TValue value)
    {
        var column = _translator.Column(property);
        if (column.Kind is LanceValueKind.Vector or LanceValueKind.StringList)
        {
            throw new NotSupportedException($"Column '{column.ColumnName}' ({column.Kind}) cannot be assigned by an update; upsert the row instead.");
        }

        if (value is null && !column.IsNullable)
        {
            throw new ArgumentException($"Column '{column.ColumnName}' is not nullable.", nameof(value));
        }

        if (_assignments.Any(a => a.Column == column.ColumnName))
        {
            throw new ArgumentException($"Column '{column.ColumnName}' is assigned twice in one update.", nameof(property));
        }

        // A FileInfo column stores the path (filters refuse to compare files; an assignment writes the path).
        _assignments.Add((column.ColumnName, SqlLiteral.Format(value is FileInfo file ? file.ToString() : value, column)));
        if (EmbeddingOf(column) is { } binding)
        {
            if (binding.Modality == EmbeddingModality.Image)
            {
                _images.Add((binding, ImageOf(value)));
            }
            else
            {
                _texts.Add((binding, value as string ?? ""));
            }
        }

        return this;
    }

    /// <summary>
    /// Sets a column to a raw SQL expression evaluated by the server (for example <c>"year + 1"</c>). The text is sent
    /// as is: never build it from untrusted input.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// The property is an <see cref="EmbedAttribute"/> property: the server would compute the text, so its vector could not be
    /// computed locally. Use <see cref="Set{TValue}"/> with the new text, or upsert the rows.
    /// </exception>
    public LanceUpdateBuilder<T> SetSql<TValue>(Expression<Func<T, TValue>> property, string sqlExpression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlExpression);
        var column = _translator.Column(property);
        if (EmbeddingOf(column) is { } binding)
        {
            throw new NotSupportedException(
                $"Property '{binding.SourcePropertyName}' is embedded into '{binding.VectorColumn}': a SQL expression is evaluated by the server, " +
                $"so its vector cannot be computed locally. Use set.Set(x => x.{binding.SourcePropertyName}, newText), which writes the text and its vector, or upsert the rows.");
        }

        if (_assignments.Any(a => a.Column == column.ColumnName))
        {
            throw new ArgumentException($"Column '{column.ColumnName}' is assigned twice in one update.", nameof(property));
        }

        _assignments.Add((column.ColumnName, sqlExpression));
        return this;
    }

    private static ImageInput? ImageOf<TValue>(TValue value) => (object?)value switch
    {
        null => (ImageInput?)null,
        byte[] bytes => ImageInput.FromBytes(bytes),
        ReadOnlyMemory<byte> memory => memory.IsEmpty ? (ImageInput?)null : ImageInput.FromBytes(memory),
        FileInfo file => ImageInput.FromFile(file),
        ImageInput image => image,
        var other => throw new NotSupportedException($"A value of type {other.GetType().Name} is not an image (byte[], ReadOnlyMemory<byte> or FileInfo)."),
    };

    private EmbeddingBinding<T>? EmbeddingOf(LanceColumnInfo column) =>
        _map.Embeddings.FirstOrDefault(b => b.SourceColumn == column.ColumnName);
}
