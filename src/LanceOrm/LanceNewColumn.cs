namespace LanceOrm;

/// <summary>
/// A column to add with <see cref="LanceRepository{T, TKey}.AddColumnsAsync"/>: its name and the SQL expression that
/// computes its value for every existing row (<c>"upper(title)"</c>, <c>"year * 12"</c>,
/// <c>"arrow_cast(NULL, 'Int32')"</c> for an empty nullable column).
/// </summary>
/// <param name="Name">The new column's name.</param>
/// <param name="Expression">A SQL expression over the table's columns (DataFusion dialect).</param>
public sealed record LanceNewColumn(string Name, string Expression);
