using System.Net;

namespace LanceOrm;

/// <summary>A table with that name already exists (create in create mode).</summary>
public sealed class TableAlreadyExistsException(string tableName, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;
}
