using System.Net;

namespace LanceOrm;

/// <summary>
/// A call needs an index the table does not have: full-text or hybrid search without a full-text index on the searched
/// column (the message names the call that creates it: <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>
/// after declaring the index, or the matching <c>Create…IndexAsync</c>), or dropping an index that does not exist
/// (<see cref="IndexName"/>).
/// </summary>
public sealed class IndexNotFoundException(string tableName, IReadOnlyList<string> columns, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The columns that need the index (empty when the server did not say which).</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The name of the missing index, when the call named one (drop index).</summary>
    public string? IndexName { get; init; }
}
