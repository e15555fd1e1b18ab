namespace LanceOrm.Transport;

/// <summary>
/// Adds the connection's fixed headers (given by the protocol layer: API key, database, user agent) and the call's request
/// id (from <see cref="RequestOptionKeys.RequestId"/>, so every attempt carries the same one) to each request. Sits in
/// front of the retry handler. <see cref="ToString"/> shows header names only: values may be secrets.
/// </summary>
internal sealed class HeadersHandler(IReadOnlyList<KeyValuePair<string, string>> headers, string requestIdHeader) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (!request.Headers.Contains(requestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(requestIdHeader, RequestOptionKeys.RequestIdOf(request) ?? Guid.NewGuid().ToString("D"));
        }

        return base.SendAsync(request, cancellationToken);
    }

    public override string ToString() => $"HeadersHandler {{ Headers = [{string.Join(", ", headers.Select(h => h.Key))}] }}";
}
