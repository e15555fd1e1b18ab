using System.Net;

namespace LanceOrm.Remote.Http;

/// <summary>Turns a non-2xx response into the typed <see cref="LanceDbException"/> hierarchy (the API key redacted).</summary>
internal static class ErrorMapper
{
    public static async Task<LanceDbException> ToExceptionAsync(HttpResponseMessage response, ErrorContext context, string? apiKey, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Map(response.StatusCode, body, RequestIdOf(response), context, apiKey, Attempts(response),
            RetryPolicy.ReadRetryAfter(response.Headers, DateTimeOffset.UtcNow), retryableStatus: context.RetryStatuses.Contains((int)response.StatusCode) && context.Retryable);
    }

    public static LanceDbException Map(HttpStatusCode status, string body, string? requestId, ErrorContext context, string? apiKey, int attempts = 1, TimeSpan? retryAfter = null, bool retryableStatus = false)
    {
        var serverMessage = Redaction.Redact(Truncate(body.Trim()), apiKey);
        var code = (int)status;
        var what = context.Operation + (context.Table is null ? "" : $" on table '{context.Table}'");
        var message = $"{what} failed: {code} {status}: {serverMessage}";
        LanceDbException error = code switch
        {
            404 when context.Table is not null => new TableNotFoundException(context.Table, $"Table '{context.Table}' was not found ({what}): {serverMessage}", status, serverMessage, requestId),
            400 when context.IsCreate && context.Table is not null && body.Contains("already exists", StringComparison.OrdinalIgnoreCase) =>
                new TableAlreadyExistsException(context.Table, $"Table '{context.Table}' already exists: {serverMessage}", status, serverMessage, requestId),
            400 or 422 when context.Filter is not null => new InvalidFilterException($"{what} failed: the server rejected the filter `{context.Filter}`: {serverMessage}", context.Filter, status, serverMessage, requestId),
            400 or 422 => new InvalidRequestException(message, status, serverMessage, requestId),
            401 or 403 => new UnauthorizedException($"{what} was refused ({code}): check the API key and database name. {serverMessage}", status, serverMessage, requestId),
            429 => new ThrottledException(message, status, serverMessage, requestId, retryAfter),
            _ when code >= 500 || code == 409 => new ServerErrorException(message, status, serverMessage, requestId),
            _ => new LanceDbException(message, status, serverMessage, requestId),
        };

        if (retryableStatus)
        {
            return new RetryLimitExceededException($"{what} hit the retry limit after {attempts} attempt(s); last: {code} {status}: {serverMessage}", attempts, status, serverMessage, requestId, error);
        }

        return error;
    }

    public static LanceDbException FromTransport(Exception exception, ErrorContext context, string? requestId, int attempts, string? apiKey)
    {
        var what = context.Operation + (context.Table is null ? "" : $" on table '{context.Table}'");
        var detail = Redaction.Redact(exception.Message, apiKey);
        var inner = new ServerErrorException($"{what} failed: {detail}", null, null, requestId, exception);
        return context.Retryable && attempts > 1
            ? new RetryLimitExceededException($"{what} hit the retry limit after {attempts} attempt(s); last error: {detail}", attempts, null, null, requestId, inner)
            : inner;
    }

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.RequestMessage?.Headers.TryGetValues(LanceRequestOptions.RequestIdHeader, out var values) == true ? values.FirstOrDefault() : null;

    private static int Attempts(HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(LanceRequestOptions.Attempts, out var attempts) == true ? attempts : 1;

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

/// <summary>What was being done, to name it in errors.</summary>
internal sealed record ErrorContext(string Operation, string? Table, IReadOnlySet<int> RetryStatuses, bool Retryable = true, bool IsCreate = false, string? Filter = null)
{
    /// <summary>Rows in the request body (write batches), for telemetry.</summary>
    public int? Rows { get; init; }

    /// <summary>The operation as a telemetry tag: <c>Count rows</c> ⇒ <c>count_rows</c>.</summary>
    public string OperationName => Operation.ToLowerInvariant().Replace(' ', '_');
}
