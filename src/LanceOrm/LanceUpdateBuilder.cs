using System.Linq.Expressions;
using LanceOrm.Querying;
using LanceOrm.Mapping;

namespace LanceOrm;

/// <summary>The assignments of an update: <c>set.Set(x =&gt; x.Year, 2025)</c>. Values become escaped literals.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class LanceUpdateBuilder<T>
{
    private readonly FilterTranslator<T> _translator;
    private readonly List<(string Column, string Sql)> _assignments = [];

    internal LanceUpdateBuilder(FilterTranslator<T> translator) => _translator = translator;

    internal IReadOnlyList<(string Column, string Sql)> Assignments => _assignments;

    /// <summary>Sets a column to a value (escaped as a literal of the column's type).</summary>
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

        _assignments.Add((column.ColumnName, SqlLiteral.Format(value, column)));
        return this;
    }

    /// <summary>
    /// Sets a column to a raw SQL expression evaluated by the server (for example <c>"year + 1"</c>). The text is sent
    /// as is: never build it from untrusted input.
    /// </summary>
    public LanceUpdateBuilder<T> SetSql<TValue>(Expression<Func<T, TValue>> property, string sqlExpression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlExpression);
        _assignments.Add((_translator.Column(property).ColumnName, sqlExpression));
        return this;
    }
}
