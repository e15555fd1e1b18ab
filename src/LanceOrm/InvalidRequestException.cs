using System.Net;

namespace LanceOrm;

/// <summary>The server rejected the request as malformed (HTTP 400 or 422 that is not a filter error).</summary>
public sealed class InvalidRequestException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId);
