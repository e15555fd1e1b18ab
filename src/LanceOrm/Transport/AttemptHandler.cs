using LanceOrm.Diagnostics;

namespace LanceOrm.Transport;

/// <summary>
/// One attempt under the retry handler: buffers the request body so it can be resent, counts the attempt
/// (<see cref="RequestOptionKeys.Attempts"/>) and its bytes, and applies the per-attempt read timeout (reported as a
/// <see cref="TimeoutException"/> — a read error). A response body is buffered within the attempt, so a connection that
/// breaks mid-body is retried too — except the 2xx body of a request marked <see cref="RequestOptionKeys.StreamResponse"/>
/// (queries): the attempt ends when its headers arrive, and the body is handed over unread, each read of it bounded by
/// the read timeout (<see cref="ReadTimeoutContent"/>). Timeouts run on <paramref name="time"/>.
/// </summary>
internal sealed class AttemptHandler(TimeSpan readTimeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        request.Options.Set(RequestOptionKeys.Attempts, (request.Options.TryGetValue(RequestOptionKeys.Attempts, out var previous) ? previous : 0) + 1);
        LanceOrmTelemetry.RecordBytesSent(RequestOptionKeys.OperationOf(request), request.Content?.Headers.ContentLength ?? 0);
        using var timer = new CancellationTokenSource(readTimeout, time);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptCts.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && RequestOptionKeys.StreamsResponse(request))
            {
                // The headers came in time: the body is read later, each read under its own timeout.
                timer.CancelAfter(Timeout.InfiniteTimeSpan);
                attemptCts.Token.ThrowIfCancellationRequested();
                response.Content = new ReadTimeoutContent(response.Content, readTimeout, time);
                return response;
            }

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
