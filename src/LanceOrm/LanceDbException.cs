using System.Net;

namespace LanceOrm;

/// <summary>
/// The base of every error LanceOrm raises for a failed LanceDB operation. Carries the HTTP status, the server's
/// message and the request id (<c>x-request-id</c>) so a failure can be found in server logs. Never carries the API key.
/// </summary>
public class LanceDbException : Exception
{
    /// <summary>Creates an exception.</summary>
    public LanceDbException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ServerMessage = serverMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the failed response, or <c>null</c> for a transport or client-side failure.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The server's error text (redacted), when it sent one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The <c>x-request-id</c> of the logical call (identical on all of its retries).</summary>
    public string? RequestId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().FullName}: {Message} (status: {(Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}, request id: {RequestId ?? "none"})"
        + (InnerException is null ? "" : $" ---> {InnerException.GetType().FullName}: {InnerException.Message}");
}
