using System.ComponentModel;
using Apache.Arrow;

namespace LanceOrm.Mapping;

/// <summary>
/// Builds one Arrow column from a list of entities through a strongly typed getter (a <c>static</c> lambda in the
/// generated code: no reflection, no boxing). Support API of the generated <c>ToRecordBatch</c>, which checks the
/// batch with <see cref="CheckBatch"/> first (so entities are never null here); not meant to be called directly.
/// Bad values throw <see cref="ArgumentException"/> (parameter <c>entities</c>) naming the row, property and column.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ArrowColumnWriter
{
    /// <summary>
    /// Checks a <c>ToRecordBatch</c> call: no null entity, one vector buffer per embedding binding, each holding
    /// <c>rows × dimensions</c> floats. Returns the row count.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> or <paramref name="embeddingVectors"/> is null.</exception>
    /// <exception cref="ArgumentException">An entity is null, or the vector buffers do not match the embeddings.</exception>
    public static int CheckBatch<T>(
        IReadOnlyList<T> entities,
        IReadOnlyList<ReadOnlyMemory<float>> embeddingVectors,
        string entityName,
        IReadOnlyList<EmbeddingBinding<T>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(embeddingVectors);
        ArgumentNullException.ThrowIfNull(embeddings);
        var count = entities.Count;
        for (var row = 0; row < count; row++)
        {
            if (entities[row] is null)
            {
                throw new ArgumentException($"entities[{row}] is null.", nameof(entities));
            }
        }

        if (embeddingVectors.Count != embeddings.Count)
        {
            var names = string.Join(", ", embeddings.Select(e => $"{e.SourcePropertyName} -> {e.VectorColumn}"));
            throw new ArgumentException($"{entityName} has {embeddings.Count} embedded properties ({names}) but {embeddingVectors.Count} vector buffers were given.", nameof(embeddingVectors));
        }

        for (var e = 0; e < embeddings.Count; e++)
        {
            var embedding = embeddings[e];
            var length = embeddingVectors[e].Length;
            if (length < count * embedding.Dimensions)
            {
                throw new ArgumentException($"The vector buffer of {embedding.SourcePropertyName} (column '{embedding.VectorColumn}') holds {length} floats; {count} rows of {embedding.Dimensions} dimensions need {count * embedding.Dimensions}.", nameof(embeddingVectors));
            }
        }

        return count;
    }

    /// <summary>A <c>utf8</c> column; a null value is a null cell when the column is nullable, else an error.</summary>
    public static IArrowArray String<T>(IReadOnlyList<T> entities, LanceColumnInfo column, string table, Func<T, string?> get)
    {
        var count = entities.Count;
        var builder = new StringArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(value);
            }
            else
            {
                builder.AppendNull();
                CheckNullable(row, column, table);
            }
        }

        return builder.Build();
    }

    /// <summary>A <c>binary</c> column; a null value is a null cell when the column is nullable, else an error.</summary>
    public static IArrowArray Binary<T>(IReadOnlyList<T> entities, LanceColumnInfo column, string table, Func<T, byte[]?> get)
    {
        var count = entities.Count;
        var builder = new BinaryArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append((ReadOnlySpan<byte>)value);
            }
            else
            {
                builder.AppendNull();
                CheckNullable(row, column, table);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A <c>binary</c> column of <see cref="ReadOnlyMemory{T}"/> values (empty memory is an empty cell); a null value is a
    /// null cell when the column is nullable, else an error.
    /// </summary>
    public static IArrowArray BinaryMemory<T>(IReadOnlyList<T> entities, LanceColumnInfo column, string table, Func<T, ReadOnlyMemory<byte>?> get)
    {
        var count = entities.Count;
        var builder = new BinaryArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(value.Span);
            }
            else
            {
                builder.AppendNull();
                CheckNullable(row, column, table);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A <c>list&lt;utf8&gt;</c> column; null items are null list items; a null list is a null cell when the column is
    /// nullable, else an error. Lists and arrays are indexed (no enumerator is allocated).
    /// </summary>
    public static IArrowArray StringList<T>(IReadOnlyList<T> entities, LanceColumnInfo column, string table, Func<T, IEnumerable<string?>?> get)
    {
        var count = entities.Count;
        var builder = new ListArray.Builder(new Field("item", Apache.Arrow.Types.StringType.Default, true)).Reserve(count);
        var values = (StringArray.Builder)builder.ValueBuilder;
        for (var row = 0; row < count; row++)
        {
            var value = get(entities[row]);
            if (value is null)
            {
                builder.AppendNull();
                CheckNullable(row, column, table);
                continue;
            }

            builder.Append();
            if (value is IReadOnlyList<string?> list)
            {
                for (var k = 0; k < list.Count; k++)
                {
                    AppendItem(values, list[k]);
                }
            }
            else
            {
                foreach (var item in value)
                {
                    AppendItem(values, item);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>An enum column (<c>utf8</c>, the member name) through the generated <paramref name="format"/> switch.</summary>
    public static IArrowArray Enum<T, TEnum>(IReadOnlyList<T> entities, Func<T, TEnum> get, Func<TEnum, string> format)
        where TEnum : struct, System.Enum
    {
        var count = entities.Count;
        var builder = new StringArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            builder.Append(format(get(entities[row])));
        }

        return builder.Build();
    }

    /// <summary>A nullable enum column (<c>utf8</c>, the member name) through the generated <paramref name="format"/> switch.</summary>
    public static IArrowArray Enum<T, TEnum>(IReadOnlyList<T> entities, Func<T, TEnum?> get, Func<TEnum, string> format)
        where TEnum : struct, System.Enum
    {
        var count = entities.Count;
        var builder = new StringArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(format(value));
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    /// <summary>A <see cref="System.Guid"/> column (<c>utf8</c>, lower-case <c>"D"</c> format).</summary>
    public static IArrowArray Guid<T>(IReadOnlyList<T> entities, Func<T, Guid> get)
    {
        var count = entities.Count;
        var builder = new StringArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            builder.Append(get(entities[row]).ToString("D"));
        }

        return builder.Build();
    }

    /// <summary>A nullable <see cref="System.Guid"/> column (<c>utf8</c>, lower-case <c>"D"</c> format).</summary>
    public static IArrowArray Guid<T>(IReadOnlyList<T> entities, Func<T, Guid?> get)
    {
        var count = entities.Count;
        var builder = new StringArray.Builder().Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(value.ToString("D"));
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A <c>decimal128(38, 9)</c> column. More than 9 significant fractional digits is an error (never rounded);
    /// trailing zeros are fine.
    /// </summary>
    public static IArrowArray Decimal<T>(IReadOnlyList<T> entities, LanceColumnInfo column, Func<T, decimal> get)
    {
        var count = entities.Count;
        var builder = new Decimal128Array.Builder(new Apache.Arrow.Types.Decimal128Type(38, 9)).Reserve(count);
        for (var row = 0; row < count; row++)
        {
            builder.Append(FitDecimal(get(entities[row]), row, column));
        }

        return builder.Build();
    }

    /// <summary>A nullable <c>decimal128(38, 9)</c> column; see <see cref="Decimal{T}(IReadOnlyList{T}, LanceColumnInfo, Func{T, decimal})"/>.</summary>
    public static IArrowArray Decimal<T>(IReadOnlyList<T> entities, LanceColumnInfo column, Func<T, decimal?> get)
    {
        var count = entities.Count;
        var builder = new Decimal128Array.Builder(new Apache.Arrow.Types.Decimal128Type(38, 9)).Reserve(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(FitDecimal(value, row, column));
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    /// <summary>A <c>timestamp[us, tz=UTC]</c> column from <see cref="DateTime"/>: local times are converted to UTC, unspecified ones taken as UTC.</summary>
    public static IArrowArray Timestamp<T>(IReadOnlyList<T> entities, Func<T, DateTime> get)
    {
        var count = entities.Count;
        var builder = NewTimestampBuilder(count);
        for (var row = 0; row < count; row++)
        {
            builder.Append(ToUtcTimestamp(get(entities[row])));
        }

        return builder.Build();
    }

    /// <summary>A nullable <c>timestamp[us, tz=UTC]</c> column from <see cref="DateTime"/>.</summary>
    public static IArrowArray Timestamp<T>(IReadOnlyList<T> entities, Func<T, DateTime?> get)
    {
        var count = entities.Count;
        var builder = NewTimestampBuilder(count);
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(ToUtcTimestamp(value));
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    /// <summary>A <c>timestamp[us, tz=UTC]</c> column from <see cref="DateTimeOffset"/> (the UTC instant).</summary>
    public static IArrowArray Timestamp<T>(IReadOnlyList<T> entities, Func<T, DateTimeOffset> get) =>
        Values<T, DateTimeOffset, TimestampArray, TimestampArray.Builder>(entities, get, NewTimestampBuilder(entities.Count));

    /// <summary>A nullable <c>timestamp[us, tz=UTC]</c> column from <see cref="DateTimeOffset"/>.</summary>
    public static IArrowArray Timestamp<T>(IReadOnlyList<T> entities, Func<T, DateTimeOffset?> get) =>
        NullableValues<T, DateTimeOffset, TimestampArray, TimestampArray.Builder>(entities, get, NewTimestampBuilder(entities.Count));

    /// <summary>Local times are converted to UTC; unspecified times are taken as UTC.</summary>
    internal static DateTimeOffset ToUtcTimestamp(DateTime value) =>
        new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>decimal128(38, 9) holds 9 fractional digits: trailing zeros are dropped, anything else is an error.</summary>
    internal static decimal FitDecimal(decimal value, int row, LanceColumnInfo column)
    {
        var fitted = Math.Round(value, 9);
        return fitted == value
            ? fitted
            : throw new ArgumentException($"entities[{row}].{column.PropertyName} has more than 9 fractional digits; column '{column.ColumnName}' is decimal128(38, 9) and would round it.", "entities");
    }

    private static TimestampArray.Builder NewTimestampBuilder(int count) =>
        new TimestampArray.Builder(new Apache.Arrow.Types.TimestampType(Apache.Arrow.Types.TimeUnit.Microsecond, "UTC")).Reserve(count);

    private static void AppendItem(StringArray.Builder values, string? item)
    {
        if (item is null)
        {
            values.AppendNull();
        }
        else
        {
            values.Append(item);
        }
    }

    private static void CheckNullable(int row, LanceColumnInfo column, string table)
    {
        if (!column.IsNullable)
        {
            throw new ArgumentException($"entities[{row}].{column.PropertyName} is null, but column '{column.ColumnName}' of table '{table}' is not nullable.", "entities");
        }
    }
}
