using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;
using Polly;

namespace LanceOrm.Tests.Unit;

/// <summary><see cref="RetryStrategy"/>: the official retry policy as a Polly strategy (the DI pipeline's retry layer).</summary>
public sealed class ResilienceStrategyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage? Response, Exception? Error, int Attempts, List<TimeSpan> Delays)> RunAsync(
        LanceRetryOptions retry, Func<int, HttpResponseMessage> answer, bool retryable = true)
    {
        var options = RetryStrategy.CreateOptions(retry, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);
        var delays = new List<TimeSpan>();
        var onRetry = options.OnRetry!;
        options.OnRetry = args =>
        {
            delays.Add(args.RetryDelay);
            return onRetry(args);
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(options).Build();
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v1/table/t/query/");
        request.Options.Set(RequestOptionKeys.Retryable, retryable);
        var context = ResilienceContextPool.Shared.Get(Ct);
        context.SetRequestMessage(request);
        var attempts = 0;
        try
        {
            var response = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(answer(++attempts)), context);
            return (response, null, attempts, delays);
        }
        catch (Exception ex)
        {
            return (null, ex, attempts, delays);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
        }

        return response;
    }

    [Theory]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Each_official_retry_status_gets_three_attempts_with_exponential_backoff_plus_jitter(int status)
    {
        var retry = new LanceRetryOptions { BackoffFactor = 0.01, BackoffJitter = 0.01 };

        var (response, _, attempts, delays) = await RunAsync(retry, _ => Status((HttpStatusCode)status));

        Assert.Equal(3, attempts);
        Assert.Equal((HttpStatusCode)status, response!.StatusCode);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 0.01 * 2, 0.01 * 2 + 0.01); // factor × 2^1 + U(0, jitter)
        Assert.InRange(delays[1].TotalSeconds, 0.01 * 4, 0.01 * 4 + 0.01); // factor × 2^2 + U(0, jitter)
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Other_statuses_are_returned_after_one_attempt(int status)
    {
        var (response, _, attempts, delays) = await RunAsync(new LanceRetryOptions(), _ => Status((HttpStatusCode)status));

        Assert.Equal(1, attempts);
        Assert.Equal((HttpStatusCode)status, response!.StatusCode);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task A_server_Retry_After_is_honoured_instead_of_the_backoff()
    {
        var (response, _, attempts, delays) = await RunAsync(
            new LanceRetryOptions { BackoffFactor = 5, BackoffJitter = 5 },
            attempt => attempt == 1 ? Status(HttpStatusCode.TooManyRequests, TimeSpan.FromMilliseconds(30)) : Status(HttpStatusCode.OK));

        Assert.Equal(2, attempts);
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal([TimeSpan.FromMilliseconds(30)], delays);
    }

    [Fact]
    public async Task A_request_marked_not_retryable_gets_one_attempt()
    {
        var (response, _, attempts, _) = await RunAsync(new LanceRetryOptions(), _ => Status(HttpStatusCode.ServiceUnavailable), retryable: false);

        Assert.Equal(1, attempts);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response!.StatusCode);
    }

    [Fact]
    public async Task Read_errors_have_their_own_counter_and_end_the_call_with_the_last_error()
    {
        var retry = new LanceRetryOptions { BackoffFactor = 0.001, BackoffJitter = 0.001, ReadRetries = 2 };

        var (_, error, attempts, _) = await RunAsync(retry, _ => throw new IOException("connection reset by peer"));

        Assert.Equal(2, attempts);
        Assert.IsType<IOException>(error);
    }

    [Fact]
    public async Task Status_and_read_failures_are_counted_separately()
    {
        var retry = new LanceRetryOptions { BackoffFactor = 0.001, BackoffJitter = 0.001 };

        var (response, _, attempts, _) = await RunAsync(retry, attempt => attempt switch
        {
            1 or 2 => Status(HttpStatusCode.ServiceUnavailable),
            3 or 4 => throw new TimeoutException("read timeout"),
            _ => Status(HttpStatusCode.OK),
        });

        Assert.Equal(5, attempts);
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
    }
}
