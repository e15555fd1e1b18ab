using System.Net;

namespace LanceOrm;

/// <summary>The table does not exist (HTTP 404 on a table path).</summary>
public sealed class TableNotFoundException(string tableName, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;
}
