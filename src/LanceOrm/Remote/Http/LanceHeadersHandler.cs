namespace LanceOrm.Remote.Http;

/// <summary>
/// Adds the headers of the official client to every request: <c>x-api-key</c> (only there), <c>x-lancedb-database</c>
/// and <c>x-lancedb-database-prefix</c> (with a host override), <c>User-Agent</c> and a UUID v4 <c>x-request-id</c>
/// (kept if already set, so all retries of one call share it). Sits in front of <see cref="LanceRetryHandler"/>.
/// </summary>
internal sealed class LanceHeadersHandler(string? apiKey, string? database, string? databasePrefix, string userAgent) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Remove("x-api-key");
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }

        if (database is not null)
        {
            request.Headers.TryAddWithoutValidation("x-lancedb-database", database);
        }

        if (!string.IsNullOrEmpty(databasePrefix))
        {
            request.Headers.TryAddWithoutValidation("x-lancedb-database-prefix", databasePrefix);
        }

        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (!request.Headers.Contains(LanceRequestOptions.RequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(LanceRequestOptions.RequestIdHeader, CallState.Current?.RequestId ?? Guid.NewGuid().ToString("D"));
        }

        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"LanceHeadersHandler {{ ApiKey = {Redaction.Mask(apiKey)}, Database = {database} }}";
}

/// <summary>
/// Sends through an application-owned <see cref="HttpClient"/> (never disposed here). Each attempt is a copy of the
/// request, since an <see cref="HttpClient"/> sends a message only once.
/// </summary>
internal sealed class ForwardingHandler(HttpClient client) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = RequestCloner.Clone(request);
        var response = await client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (copy.Options.TryGetValue(LanceRequestOptions.Attempts, out var attempts))
        {
            request.Options.Set(LanceRequestOptions.Attempts, attempts); // retries inside the client's own pipeline
        }

        response.RequestMessage = request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
    }
}
