using System.Net;

namespace LanceOrm;

/// <summary>The server throttled the request (HTTP 429).</summary>
public sealed class ThrottledException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, TimeSpan? retryAfter = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The server's <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
