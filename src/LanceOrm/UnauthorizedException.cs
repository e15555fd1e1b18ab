using System.Net;

namespace LanceOrm;

/// <summary>The API key was missing or refused (HTTP 401 or 403).</summary>
public sealed class UnauthorizedException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId);
