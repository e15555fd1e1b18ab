using System.Net;

namespace LanceOrm;

/// <summary>The table has no such version (reading, restoring or tagging it); <see cref="LanceRepository{T, TKey}.ListVersionsAsync"/> lists them.</summary>
public sealed class VersionNotFoundException(string tableName, long version, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The version that was not found.</summary>
    public long Version { get; } = version;
}
