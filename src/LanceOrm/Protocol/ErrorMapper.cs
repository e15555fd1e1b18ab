using System.Net;
using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>Turns a non-2xx response into the typed <see cref="LanceDbException"/> hierarchy (the API key redacted).</summary>
internal static class ErrorMapper
{
    public static async Task<LanceDbException> ToExceptionAsync(HttpResponseMessage response, ErrorContext context, string? apiKey, IReadOnlySet<int> retryStatuses, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryPolicy.ReadRetryAfter(response.Headers, DateTimeOffset.UtcNow);
        var retried = context.Call.Retryable && retryStatuses.Contains((int)response.StatusCode);
        return Map(response.StatusCode, body, RequestOptionKeys.RequestIdOf(response.RequestMessage), context, apiKey, RequestOptionKeys.AttemptsOf(response.RequestMessage), retryAfter, retried);
    }

    public static LanceDbException Map(HttpStatusCode status, string body, string? requestId, ErrorContext context, string? apiKey, int attempts = 1, TimeSpan? retryAfter = null, bool retryableStatus = false)
    {
        var serverMessage = Redaction.Redact(Truncate(body.Trim()), apiKey);
        var code = (int)status;
        var table = context.Call.Table;
        var what = context.Call.Describe();
        var message = $"{what} failed: {code} {status}: {serverMessage}";
        LanceDbException error = code switch
        {
            404 when table is not null => new TableNotFoundException(table, $"Table '{table}' was not found ({what}): {serverMessage}", status, serverMessage, requestId),
            400 when context.IsCreate && table is not null && body.Contains("already exists", StringComparison.OrdinalIgnoreCase) =>
                new TableAlreadyExistsException(table, $"Table '{table}' already exists: {serverMessage}", status, serverMessage, requestId),
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

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

/// <summary>What was being done, to name it in errors: the call, and whether it creates a table or carries a filter.</summary>
internal sealed record ErrorContext(CallInfo Call, bool IsCreate = false, string? Filter = null);
