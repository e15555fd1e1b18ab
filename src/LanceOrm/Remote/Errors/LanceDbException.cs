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

/// <summary>The table does not exist (HTTP 404 on a table path).</summary>
public sealed class TableNotFoundException(string tableName, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;
}

/// <summary>A table with that name already exists (create in create mode).</summary>
public sealed class TableAlreadyExistsException(string tableName, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;
}

/// <summary>The server rejected a filter or an SQL expression (HTTP 400 on a query, count, update or delete).</summary>
public sealed class InvalidFilterException(string message, string? filter, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The filter text that was sent, if any.</summary>
    public string? Filter { get; } = filter;
}

/// <summary>The server rejected the request as malformed (HTTP 400 or 422 that is not a filter error).</summary>
public sealed class InvalidRequestException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId);

/// <summary>The API key was missing or refused (HTTP 401 or 403).</summary>
public sealed class UnauthorizedException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId);

/// <summary>The server throttled the request (HTTP 429).</summary>
public sealed class ThrottledException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, TimeSpan? retryAfter = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The server's <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The server failed (HTTP 5xx, or 409 conflict) or the connection broke.</summary>
public class ServerErrorException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, Exception? innerException = null)
    : LanceDbException(message, status, serverMessage, requestId, innerException);

/// <summary>
/// Every attempt the retry policy allows failed with a retryable status or transport error ("Hit retry limit" in the
/// official client). <see cref="Exception.InnerException"/> is the typed error of the last attempt.
/// </summary>
public sealed class RetryLimitExceededException(string message, int attempts, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, Exception? innerException = null)
    : ServerErrorException(message, status, serverMessage, requestId, innerException)
{
    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; } = attempts;
}

/// <summary>The server's table schema differs from the generated one. Raised by open and before any write.</summary>
public sealed class SchemaMismatchException(string tableName, IReadOnlyList<SchemaDifference> differences)
    : LanceDbException(FormatMessage(tableName, differences))
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>Each difference found.</summary>
    public IReadOnlyList<SchemaDifference> Differences { get; } = differences;

    private static string FormatMessage(string tableName, IReadOnlyList<SchemaDifference> differences) =>
        $"The schema of table '{tableName}' on the server does not match the entity mapping: " + string.Join("; ", differences.Select(d => d.Description)) + ".";
}
