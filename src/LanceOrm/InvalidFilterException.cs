using System.Net;

namespace LanceOrm;

/// <summary>The server rejected a filter or an SQL expression (HTTP 400 on a query, count, update or delete).</summary>
public sealed class InvalidFilterException(string message, string? filter, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The filter text that was sent, if any.</summary>
    public string? Filter { get; } = filter;
}
