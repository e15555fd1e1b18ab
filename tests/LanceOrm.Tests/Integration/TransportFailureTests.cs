using System.Net;
using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

public sealed class TransportFailureTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_without_the_key()
    {
        var port = LoopbackHttpServer.FreePort();
        using var db = new LanceDbConnection(new LanceDbOptions
        {
            Uri = "db://nowhere",
            ApiKey = EmulatorFixture.ApiKey,
            HostOverride = new Uri($"http://127.0.0.1:{port}"),
            Retry = { BackoffFactor = 0.001, BackoffJitter = 0 },
        });

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => db.ListTablesAsync(cancellationToken: Ct));

        Assert.Equal(3, error.Attempts);
        Assert.Null(error.Status);
        Assert.NotNull(error.RequestId);
        Assert.IsType<ServerErrorException>(error.InnerException);
        Assert.DoesNotContain(EmulatorFixture.ApiKey, error.ToString());
    }

    [Fact]
    public async Task Cancelling_a_large_write_stops_it_between_whole_batches()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 500);
        var notes = await fixture.NewTableAsync(db, "cancel");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new CancelAfterFirstBatch(cts);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notes.AddAsync(Enumerable.Range(0, 20_000).Select(i => Note.Make(i)), progress, cts.Token));

        var count = await notes.CountAsync(cancellationToken: Ct);
        Assert.True(count >= 500 && count < 20_000, $"{count} rows");
        Assert.Equal(0, count % 500);
    }

    [Fact]
    public async Task A_cancelled_query_throws_OperationCanceledException()
    {
        using var db = await fixture.ConnectAsync();
        var notes = await fixture.NewTableAsync(db, "cancelq");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notes.Query().ToListAsync(cts.Token));
    }

    private sealed class CancelAfterFirstBatch(CancellationTokenSource cts) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => cts.Cancel();
    }
}
