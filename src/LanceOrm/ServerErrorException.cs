using System.Net;

namespace LanceOrm;

/// <summary>The server failed (HTTP 5xx, or 409 conflict) or the connection broke.</summary>
public class ServerErrorException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, Exception? innerException = null)
    : LanceDbException(message, status, serverMessage, requestId, innerException);
