using System.Net;

namespace LanceOrm;

/// <summary>
/// A call needs an index the table does not have: full-text or hybrid search without a full-text index on the searched
/// column. The message names the call that creates it (<see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>
/// after declaring the index, or the matching <c>Create…IndexAsync</c>).
/// </summary>
public sealed class IndexNotFoundException(string tableName, IReadOnlyList<string> columns, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The columns that need the index (empty when the server did not say which).</summary>
    public IReadOnlyList<string> Columns { get; } = columns;
}
