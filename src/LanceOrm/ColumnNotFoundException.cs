namespace LanceOrm;

/// <summary>A schema change names columns the table does not have (altered, dropped or renamed from). Nothing was changed.</summary>
public sealed class ColumnNotFoundException(string tableName, IReadOnlyList<string> columns)
    : LanceDbException($"Table '{tableName}' has no column {Names(columns)}; nothing was changed.")
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The columns that were not found.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    internal static string Names(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(c => $"'{c}'"));
}
