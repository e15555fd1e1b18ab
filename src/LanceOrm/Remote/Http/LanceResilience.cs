using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace LanceOrm.Remote.Http;

/// <summary>
/// The official LanceDB client's retry policy as a <c>Microsoft.Extensions.Http.Resilience</c> (Polly) retry strategy —
/// the same rules as <see cref="LanceRetryHandler"/>, shared through <see cref="RetryPolicy"/>: statuses in
/// <see cref="LanceRetryOptions.Statuses"/>, connect errors and read errors (resets, truncated bodies, per-attempt read
/// timeouts) with separate counters; sleep <c>BackoffFactor × 2^statusFailures + U(0, BackoffJitter)</c> or the server's
/// <c>Retry-After</c>; requests marked <see cref="LanceRequestOptions.Retryable"/> = false get one attempt. Polly resends
/// the same request message, so every attempt carries the same <c>x-request-id</c>. <c>AddLanceOrm</c> puts it on the
/// <c>IHttpClientFactory</c> client, with the per-attempt timeout and body buffering inside it.
/// </summary>
public static class LanceResilience
{
    /// <summary>The name of the resilience handler <c>AddLanceOrm</c> adds to its named client.</summary>
    public const string PipelineName = "lanceorm-retry";

    private static readonly ResiliencePropertyKey<RetryPolicy> PolicyKey = new("LanceOrm.RetryPolicy");
    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("LanceOrm.RetryDelay");
    private static readonly ResiliencePropertyKey<AttemptFailure> FailureKey = new("LanceOrm.RetryFailure");

    /// <summary>
    /// Retry strategy options implementing <paramref name="retry"/>; add them with
    /// <c>pipeline.AddRetry(LanceResilience.CreateRetryOptions(...))</c> to an <c>AddResilienceHandler</c> pipeline.
    /// </summary>
    /// <param name="retry">The policy settings (defaults = the official client's).</param>
    /// <param name="logger">Where retries and give-ups are logged, with the request id (never headers or keys).</param>
    /// <param name="timeProvider">The clock for <c>Retry-After</c> dates (tests); default system.</param>
    public static HttpRetryStrategyOptions CreateRetryOptions(LanceRetryOptions retry, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var log = logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        return new HttpRetryStrategyOptions
        {
            Name = PipelineName,
            // An upper bound only: RetryPolicy's per-kind counters end the call first.
            MaxRetryAttempts = Math.Max(1, retry.Retries + retry.ConnectRetries + retry.ReadRetries),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry, log, time)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var failure = args.Context.Properties.GetValue(FailureKey, AttemptFailure.Status);
                var status = (int?)args.Outcome.Result?.StatusCode;
                LanceOrmTelemetry.RecordRetry(failure, status);
                Log.Retrying(log, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, RequestIdOf(request), args.AttemptNumber + 1, failure, status, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                return default;
            },
        };
    }

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
                    failure = LanceRetryHandler.IsConnectError(http) ? AttemptFailure.Connect : AttemptFailure.Read;
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
        if (request is not null && request.Options.TryGetValue(LanceRequestOptions.Retryable, out var retryable) && !retryable)
        {
            Log.GivingUp(logger, request.Method.Method, request.RequestUri?.AbsolutePath, RequestIdOf(request), Attempts(request), failure, status);
            return false;
        }

        if (!context.Properties.TryGetValue(PolicyKey, out var policy))
        {
            policy = new RetryPolicy(retry);
            context.Properties.Set(PolicyKey, policy);
        }

        if (policy.OnFailure(failure, retryAfter) is not { } delay)
        {
            Log.GivingUp(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, RequestIdOf(request), Attempts(request), failure, status);
            return false;
        }

        context.Properties.Set(DelayKey, delay);
        context.Properties.Set(FailureKey, failure);
        return true;
    }

    private static string? RequestIdOf(HttpRequestMessage? request) =>
        request?.Headers.TryGetValues(LanceRequestOptions.RequestIdHeader, out var ids) == true ? ids.FirstOrDefault() : null;

    private static int Attempts(HttpRequestMessage? request) =>
        request?.Options.TryGetValue(LanceRequestOptions.Attempts, out var attempts) == true ? attempts : 1;
}
