using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>The per-call deadline of a write batch, on fake time, against the emulator.</summary>
public sealed class WriteDeadlineTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_that_runs_past_the_operation_timeout_stops_the_write_with_the_acknowledged_rows()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var secondBatchStarted = new TaskCompletionSource();
        var calls = 0;
        var network = new RecordingHandler
        {
            Fault = (path, attempt) =>
            {
                if (!path.EndsWith("/merge_insert/", StringComparison.Ordinal))
                {
                    return null;
                }

                calls += attempt == 1 ? 1 : 0;
                if (calls == 2)
                {
                    secondBatchStarted.TrySetResult();
                    return "status=503;retry-after=10"; // every attempt: the budget would allow 1,000 of them
                }

                return null;
            },
        };
        var options = new LanceDbOptions
        {
            Uri = "db://" + EmulatorFixture.UniqueDatabase(),
            ApiKey = EmulatorFixture.ApiKey,
            HostOverride = fixture.Emulator.Url,
            WriteBatchSize = 1_000,
            OperationTimeout = TimeSpan.FromSeconds(25),
            Retry = { WriteRetries = 1_000 },
        };
        using var db = new LanceDbConnection(options, EmulatorFixture.NewRegistry(), null, network, time);
        var notes = await fixture.NewTableAsync(db, "deadline");

        var write = notes.UpsertAsync(Enumerable.Range(0, 3_000).Select(i => Note.Make(i)).ToArray(), cancellationToken: Ct);
        await secondBatchStarted.Task.WaitAsync(Ct);
        var started = time.GetUtcNow();
        while (!write.IsCompleted && time.GetUtcNow() - started < TimeSpan.FromSeconds(30))
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => write.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var cause = Assert.IsType<OperationTimeoutException>(failure.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(25), cause.Timeout);
        Assert.Equal(1_000, failure.ResumePosition);
        Assert.Equal(WireRows.NoteKeys(0, 1_000), await WireRows.KeysAsync(notes));
    }
}
