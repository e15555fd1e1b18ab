namespace LanceOrm;

/// <summary>A schema change would create a column the table already has (added, or renamed to). Nothing was changed.</summary>
public sealed class ColumnAlreadyExistsException(string tableName, IReadOnlyList<string> columns)
    : LanceDbException($"Table '{tableName}' already has column {ColumnNotFoundException.Names(columns)}; nothing was changed.")
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The columns that exist already.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;
}
