using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Tests.Support;
using LanceOrm.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LanceOrm.Tests.Unit;

/// <summary>The write retry budget and the per-call deadline, on a scripted network and fake time.</summary>
public sealed class WriteBudgetAndDeadlineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LanceTransport Transport(HttpMessageHandler network, LanceRetryOptions retry, TimeProvider time, TimeSpan? deadline = null) =>
        new(HttpPipeline.Create([], Wire.RequestIdHeader, retry, TimeSpan.FromSeconds(300), network, NullLogger.Instance, time),
            new Uri("http://127.0.0.1:9/"), NullLogger.Instance, null, deadline ?? Timeout.InfiniteTimeSpan, time);

    private static HttpRequestMessage Post() => new(HttpMethod.Post, "v1/table/t/merge_insert/") { Content = new StringContent("rows") };

    private static HttpResponseMessage Unavailable(TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("busy") };
        response.Headers.RetryAfter = retryAfter is { } after ? new System.Net.Http.Headers.RetryConditionHeaderValue(after) : null;
        return response;
    }

    [Fact]
    public async Task A_write_batch_is_retried_up_to_WriteRetries_while_other_calls_keep_the_default_budget()
    {
        var retry = new LanceRetryOptions { WriteRetries = 6, BackoffFactor = 0, BackoffJitter = 0 };
        var writes = new ScriptedHandler(_ => Unavailable(), _ => Unavailable(), _ => Unavailable(), _ => Unavailable(), _ => Unavailable(), ScriptedHandler.Status(HttpStatusCode.OK, "{}"));
        var reads = new ScriptedHandler(_ => Unavailable());
        using var writeTransport = Transport(writes, retry, TimeProvider.System);
        using var readTransport = Transport(reads, retry, TimeProvider.System);

        using var written = await writeTransport.SendAsync(Post(), new CallInfo("upsert", "t") { IdempotentWrite = true }, Ct);
        using var read = await readTransport.SendAsync(Post(), new CallInfo("query", "t"), Ct);

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(6, writes.Seen.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode); // the protocol layer maps it to RetryLimitExceededException
        Assert.Equal(3, reads.Seen.Count);
    }

    [Fact]
    public async Task The_operation_timeout_ends_a_call_whatever_its_retry_budget_allows()
    {
        var time = new FakeTimeProvider();
        var network = new ScriptedHandler(_ => Unavailable(TimeSpan.FromSeconds(10)));
        var retry = new LanceRetryOptions { Retries = 1_000, WriteRetries = 1_000 };
        using var transport = Transport(network, retry, time, deadline: TimeSpan.FromSeconds(25));
        var started = time.GetUtcNow();

        var call = transport.SendAsync(Post(), new CallInfo("upsert", "t") { IdempotentWrite = true }, Ct);
        while (!call.IsCompleted && time.GetUtcNow() - started < TimeSpan.FromSeconds(25))
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var error = await Assert.ThrowsAsync<OperationTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(TimeSpan.FromSeconds(25), error.Timeout);
        Assert.InRange(error.Attempts, 1, 3); // Retry-After 10 s: attempts at 0, 10 and 20 s at most
        Assert.InRange(network.Seen.Count, 1, 3);
        Assert.Contains("operation timeout of 25 s", error.Message);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public void The_defaults_are_the_official_clients_no_overall_deadline_and_the_same_budget_for_writes()
    {
        var options = new LanceDbOptions();

        Assert.Equal(Timeout.InfiniteTimeSpan, options.OperationTimeout);
        Assert.Null(options.Retry.WriteRetries);
        Assert.Equal((3, 3, 3), (options.Retry.Retries, options.Retry.ConnectRetries, options.Retry.ReadRetries));
    }

    [Fact]
    public void A_non_positive_deadline_or_write_budget_is_refused()
    {
        var options = new LanceDbOptions { Uri = "db://x", ApiKey = "k", OperationTimeout = TimeSpan.Zero, Retry = { WriteRetries = 0 } };

        var error = Assert.Throws<ArgumentException>(() => LanceDbOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("OperationTimeout must be positive", error.Message);
        Assert.Contains("WriteRetries must be at least 1", error.Message);
    }
}
