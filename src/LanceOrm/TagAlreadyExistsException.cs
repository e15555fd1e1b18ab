using System.Net;

namespace LanceOrm;

/// <summary>Creating a tag failed: the table has a tag of that name already (move it with <see cref="LanceTags.UpdateAsync"/>).</summary>
public sealed class TagAlreadyExistsException(string tableName, string tag, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The tag that exists.</summary>
    public string Tag { get; } = tag;
}
