using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

/// <summary>The one HTTP pipeline of a connection (<see cref="HttpPipeline"/>): the official retry policy end to end.</summary>
public sealed class RetryHandlerTests
{
    private static readonly LanceRetryOptions Fast = new() { BackoffFactor = 0.001, BackoffJitter = 0.001 };

    /// <summary>The connection's pipeline (headers, the Polly retry engine, one attempt) over a scripted network.</summary>
    private static HttpClient Client(HttpMessageHandler network, LanceRetryOptions? options = null, TimeSpan? readTimeout = null) =>
        new(HttpPipeline.Create(
            [new("x-api-key", "sk-key"), new("x-lancedb-database", "db"), new("User-Agent", "LanceOrm-DotNet-Client/test")],
            Wire.RequestIdHeader,
            options ?? Fast,
            readTimeout ?? TimeSpan.FromSeconds(30),
            network,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            TimeProvider.System));

    private static HttpRequestMessage Post(bool? retryable = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v1/table/t/query/") { Content = new StringContent("{\"k\":1}") };
        if (retryable is { } flag)
        {
            request.Options.Set(RequestOptionKeys.Retryable, flag);
        }

        return request;
    }

    [Fact]
    public async Task Retryable_statuses_are_retried_with_the_same_request_id_and_body()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.Status(HttpStatusCode.TooManyRequests), ScriptedHandler.Status(HttpStatusCode.OK, "ok"));
        using var client = Client(network);

        using var response = await client.SendAsync(Post(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, network.Seen.Count);
        Assert.Single(network.Seen.Select(s => s.RequestId).Distinct());
        Assert.True(Guid.TryParse(network.Seen[0].RequestId, out _));
        Assert.All(network.Seen, s => Assert.Equal("{\"k\":1}", s.Body));
    }

    [Fact]
    public async Task Every_request_carries_the_official_headers()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = Client(network);

        using var _ = await client.SendAsync(Post(), TestContext.Current.CancellationToken);

        var headers = network.Seen[0].Headers;
        Assert.Equal("sk-key", headers["x-api-key"]);
        Assert.Equal("db", headers["x-lancedb-database"]);
        Assert.Equal("LanceOrm-DotNet-Client/test", headers["user-agent"]);
    }

    [Fact]
    public async Task The_call_ends_after_the_configured_number_of_status_failures()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.BadGateway));
        using var client = Client(network);

        var request = Post();
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, network.Seen.Count);
        Assert.True(request.Options.TryGetValue(RequestOptionKeys.Attempts, out var attempts));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Non_retryable_statuses_return_at_once()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.BadRequest), ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = Client(network);

        using var response = await client.SendAsync(Post(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(network.Seen);
    }

    [Fact]
    public async Task Requests_marked_not_retryable_get_one_attempt()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.Status(HttpStatusCode.OK));
        using var client = Client(network);

        using var response = await client.SendAsync(Post(retryable: false), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Seen);
    }

    [Fact]
    public async Task Broken_connections_are_retried_and_rethrown_when_the_read_budget_is_spent()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var recovering = new ScriptedHandler(ScriptedHandler.Throw(reset), ScriptedHandler.Status(HttpStatusCode.OK));
        using (var client = Client(recovering))
        {
            using var ok = await client.SendAsync(Post(), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(2, recovering.Seen.Count);
        }

        var failing = new ScriptedHandler(ScriptedHandler.Throw(reset));
        using var failingClient = Client(failing);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => failingClient.SendAsync(Post(), TestContext.Current.CancellationToken));
        Assert.Same(reset, error);
        Assert.Equal(3, failing.Seen.Count);
    }

    [Fact]
    public async Task A_body_that_breaks_on_every_attempt_ends_in_the_read_error_not_a_half_read_response()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) });
        using var client = Client(network);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Post(), TestContext.Current.CancellationToken));

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(3, network.Seen.Count);
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset mid-body");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("connection reset mid-body");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("connection reset mid-body");
    }

    [Fact]
    public async Task A_slow_attempt_hits_the_read_timeout_and_is_retried()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.OK));
        var slowFirst = new SlowFirstHandler { InnerHandler = network };
        using var client = Client(slowFirst, Fast, TimeSpan.FromMilliseconds(100));

        using var response = await client.SendAsync(Post(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, slowFirst.Attempts);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        var network = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var client = Client(network, new LanceRetryOptions { BackoffFactor = 10, BackoffJitter = 0 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Post(), cts.Token));
        Assert.Single(network.Seen);
    }

    private sealed class SlowFirstHandler : DelegatingHandler
    {
        public int Attempts;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Attempts) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
