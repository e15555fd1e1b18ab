using System.Net;

namespace LanceOrm;

/// <summary>The table has no tag of that name (reading, moving, deleting or checking out a tag).</summary>
public sealed class TagNotFoundException(string tableName, string tag, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The tag that was not found.</summary>
    public string Tag { get; } = tag;
}
