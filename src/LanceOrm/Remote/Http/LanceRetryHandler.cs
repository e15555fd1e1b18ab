using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LanceOrm.Remote.Http;

/// <summary>
/// The retry policy of the official LanceDB client as a <see cref="DelegatingHandler"/> (usable in an
/// <c>IHttpClientFactory</c> pipeline): retries statuses in <see cref="LanceRetryOptions.Statuses"/>, connect errors and
/// read errors (resets, truncated bodies, per-attempt read timeouts) with exponential backoff and jitter, honouring
/// <c>Retry-After</c>. Requests marked <see cref="LanceRequestOptions.Retryable"/> = false get one attempt. Every attempt
/// of a call carries the same <c>x-request-id</c>; each retry is logged with it. Response bodies are buffered within the
/// attempt so a connection that breaks mid-body is retried too.
/// </summary>
public sealed class LanceRetryHandler : DelegatingHandler
{
    private readonly LanceRetryOptions _options;
    private readonly TimeSpan _readTimeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry settings.</param>
    /// <param name="readTimeout">The timeout of one attempt (upload and whole response body).</param>
    /// <param name="logger">Where retries are logged (request id, status, delay; never headers).</param>
    /// <param name="timeProvider">The clock for delays (tests); default system.</param>
    public LanceRetryHandler(LanceRetryOptions options, TimeSpan readTimeout, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _readTimeout = readTimeout;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var retryable = !request.Options.TryGetValue(LanceRequestOptions.Retryable, out var flag) || flag;
        var requestId = request.Headers.TryGetValues(LanceRequestOptions.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        var policy = new RetryPolicy(_options);
        if (request.Content is not null)
        {
            // Replays need the body again: buffer it once (uploads are built in memory anyway).
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var message = attempt == 1 ? request : RequestCloner.Clone(request);
            message.Options.Set(LanceRequestOptions.Attempts, attempt);
            request.Options.Set(LanceRequestOptions.Attempts, attempt);
            if (CallState.Current is { } state)
            {
                state.Attempts = attempt;
            }

            HttpResponseMessage? response = null;
            AttemptFailure failure;
            TimeSpan? retryAfter = null;
            Exception? error;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (_readTimeout != Timeout.InfiniteTimeSpan)
                {
                    attemptCts.CancelAfter(_readTimeout);
                }

                try
                {
                    LanceOrmTelemetry.RecordBytesSent(message);
                    response = await base.SendAsync(message, attemptCts.Token).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync(attemptCts.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode || !policy.IsRetryableStatus(response.StatusCode) || !retryable)
                    {
                        return response;
                    }

                    failure = AttemptFailure.Status;
                    retryAfter = RetryPolicy.ReadRetryAfter(response.Headers, _time.GetUtcNow());
                    error = null;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    response = null;
                    failure = AttemptFailure.Read;
                    error = new TimeoutException($"The attempt timed out after {_readTimeout.TotalSeconds:0.###} s (read timeout).", ex);
                }
                catch (HttpRequestException ex)
                {
                    response?.Dispose();
                    response = null;
                    failure = IsConnectError(ex) ? AttemptFailure.Connect : AttemptFailure.Read;
                    error = ex;
                }
                catch (IOException ex)
                {
                    response?.Dispose();
                    response = null;
                    failure = AttemptFailure.Read;
                    error = ex;
                }
            }

            var delay = retryable ? policy.OnFailure(failure, retryAfter) : null;
            if (delay is null)
            {
                Log.GivingUp(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, requestId, attempt, failure, (int?)response?.StatusCode);
                if (response is not null)
                {
                    return response; // the caller maps the status; Attempts tells it the retries ran out
                }

                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error!);
            }

            LanceOrmTelemetry.RecordRetry(failure, (int?)response?.StatusCode);
            Log.Retrying(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, requestId, attempt, failure, (int?)response?.StatusCode, delay.Value.TotalMilliseconds, error?.Message);
            response?.Dispose();
            await Task.Delay(delay.Value, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsConnectError(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        && !(ex.InnerException is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } });
}
