namespace LanceOrm.Remote.Http;

/// <summary>
/// One attempt under the <see cref="LanceResilience"/> retry strategy (it sits inside the resilience handler of the
/// <c>IHttpClientFactory</c> client): buffers the request body so it can be resent, counts the attempt, applies the
/// per-attempt read timeout (<see cref="LanceDbOptions.ReadTimeout"/>, reported as a <see cref="TimeoutException"/> — a
/// read error) and buffers the response body within the attempt, so a connection that breaks mid-body is retried too.
/// </summary>
internal sealed class LanceAttemptHandler(TimeSpan readTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var attempt = (request.Options.TryGetValue(LanceRequestOptions.Attempts, out var previous) ? previous : 0) + 1;
        request.Options.Set(LanceRequestOptions.Attempts, attempt);
        if (CallState.Current is { } state)
        {
            state.Attempts = attempt;
        }

        LanceOrmTelemetry.RecordBytesSent(request);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (readTimeout != Timeout.InfiniteTimeSpan)
        {
            attemptCts.CancelAfter(readTimeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptCts.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(attemptCts.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"The attempt timed out after {readTimeout.TotalSeconds:0.###} s (read timeout).", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
