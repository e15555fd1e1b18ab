using System.Net;

namespace LanceOrm;

/// <summary>The server's table schema differs from the generated one. Raised by open and before any write.</summary>
public sealed class SchemaMismatchException(string tableName, IReadOnlyList<SchemaDifference> differences)
    : LanceDbException(FormatMessage(tableName, differences))
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>Each difference found.</summary>
    public IReadOnlyList<SchemaDifference> Differences { get; } = differences;

    private static string FormatMessage(string tableName, IReadOnlyList<SchemaDifference> differences) =>
        $"The schema of table '{tableName}' on the server does not match the entity mapping: " + string.Join("; ", differences.Select(d => d.Description)) + ".";
}
