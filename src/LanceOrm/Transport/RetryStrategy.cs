using System.Net.Sockets;
using LanceOrm.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace LanceOrm.Transport;

/// <summary>
/// The official LanceDB client's retry policy as the one retry engine of LanceOrm, a <c>Microsoft.Extensions.Http.Resilience</c>
/// (Polly) retry strategy, used with and without DI (<see cref="HttpPipeline"/>): statuses in
/// <see cref="LanceRetryOptions.Statuses"/>, connect errors and read errors (resets, truncated bodies, per-attempt read
/// timeouts) with separate counters (<see cref="RetryPolicy"/>); sleep <c>BackoffFactor × 2^statusFailures + U(0, BackoffJitter)</c>
/// or the server's <c>Retry-After</c>; requests marked not retryable get one attempt, and a write marked replay-unsafe
/// (<see cref="CallInfo.ReplayUnsafe"/>) is not retried after a read error. Polly resends the same request
/// message, so every attempt carries the same request id.
/// </summary>
internal static class RetryStrategy
{
    public const string Name = "lanceorm-retry";

    private static readonly ResiliencePropertyKey<RetryPolicy> PolicyKey = new("LanceOrm.RetryPolicy");
    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("LanceOrm.RetryDelay");
    private static readonly ResiliencePropertyKey<AttemptFailure> FailureKey = new("LanceOrm.RetryFailure");

    /// <summary>The retry pipeline of <paramref name="retry"/>, its delays on <paramref name="time"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(LanceRetryOptions retry, ILogger logger, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(CreateOptions(retry, logger, time)).Build();

    /// <summary>Retry strategy options implementing <paramref name="retry"/>.</summary>
    public static HttpRetryStrategyOptions CreateOptions(LanceRetryOptions retry, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(retry);
        return new HttpRetryStrategyOptions
        {
            Name = Name,
            // An upper bound only: RetryPolicy's per-kind counters end the call first.
            MaxRetryAttempts = Math.Max(1, Math.Max(retry.Retries + retry.ConnectRetries + retry.ReadRetries, 3 * (retry.WriteRetries ?? 0))),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry, logger, time)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var failure = args.Context.Properties.GetValue(FailureKey, AttemptFailure.Status);
                var status = (int?)args.Outcome.Result?.StatusCode;
                LanceOrmTelemetry.RecordRetry(RequestOptionKeys.OperationOf(request), Reason(failure), status);
                Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, RequestOptionKeys.RequestIdOf(request), args.AttemptNumber + 1, failure, status, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                return default;
            },
        };
    }

    /// <summary>A connection that could not be opened (refused, DNS, TLS), as opposed to one that broke after it was opened.</summary>
    public static bool IsConnectError(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        && !(ex.InnerException is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } });

    private static string Reason(AttemptFailure failure) => failure switch
    {
        AttemptFailure.Status => "status",
        AttemptFailure.Connect => "connect",
        _ => "read",
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, LanceRetryOptions retry, ILogger logger, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        AttemptFailure failure;
        TimeSpan? retryAfter = null;
        if (outcome.Exception is { } error)
        {
            if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            switch (error)
            {
                case HttpRequestException http:
                    failure = IsConnectError(http) ? AttemptFailure.Connect : AttemptFailure.Read;
                    break;
                case IOException or TimeoutException:
                    failure = AttemptFailure.Read;
                    break;
                default:
                    return false;
            }
        }
        else if (outcome.Result is { } response && !response.IsSuccessStatusCode && retry.Statuses.Contains((int)response.StatusCode))
        {
            failure = AttemptFailure.Status;
            retryAfter = RetryPolicy.ReadRetryAfter(response.Headers, time.GetUtcNow());
        }
        else
        {
            return false;
        }

        var status = (int?)outcome.Result?.StatusCode;
        if (!RequestOptionKeys.IsRetryable(request) || (failure == AttemptFailure.Read && RequestOptionKeys.IsReplayUnsafe(request)))
        {
            Log.GivingUp(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, RequestOptionKeys.RequestIdOf(request), RequestOptionKeys.AttemptsOf(request), failure, status);
            return false;
        }

        if (!context.Properties.TryGetValue(PolicyKey, out var policy))
        {
            policy = new RetryPolicy(RequestOptionKeys.IsIdempotentWrite(request) ? retry.ForWrites() : retry);
            context.Properties.Set(PolicyKey, policy);
        }

        if (policy.OnFailure(failure, retryAfter) is not { } delay)
        {
            Log.GivingUp(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, RequestOptionKeys.RequestIdOf(request), RequestOptionKeys.AttemptsOf(request), failure, status);
            return false;
        }

        context.Properties.Set(DelayKey, delay);
        context.Properties.Set(FailureKey, failure);
        return true;
    }
}
