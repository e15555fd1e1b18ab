using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// <c>AppendAsync</c>, the official client's <c>add</c>: one multipart upload committed at the end on servers announcing
/// 0.4.0 (all or nothing), plain inserts below (durable per request, never replayed after a lost answer).
/// </summary>
public sealed class AppendTests(EmulatorFixture fixture, CappedEmulators capped) : IClassFixture<CappedEmulators>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_0_4_0_server_an_append_is_one_multipart_upload()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(capped.Multipart, o => o.WriteBatchSize = 100, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);

        var result = await repo.AppendAsync(Enumerable.Range(0, 250).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        var writes = wire.Requests.Where(r => r.Path.Contains("/multipart_write/", StringComparison.Ordinal) || r.Path.EndsWith("/insert/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["create", "insert", "insert", "insert", "complete"], writes.Select(w => w.Path.Split('/')[^1] is "" ? "insert" : w.Path.Split('/')[^1]));
        var uploadId = Query(writes[1])["upload_id"];
        Assert.All(writes.Skip(1), w => Assert.Equal(uploadId, Query(w)["upload_id"]));
        Assert.Equal(3, writes.Skip(1).SkipLast(1).Select(w => Query(w)["upload_part_id"]).Distinct().Count());
        Assert.Equal(250, result.RowsSent);
        Assert.Equal(250, result.RowsInserted);
        Assert.True(result.Version > 1);
        await RequestBodyLimitTests.AssertExactlyAsync(repo, 250);
    }

    [Fact]
    public async Task Two_hundred_thousand_rows_appended_through_a_4_MB_body_cap_as_multipart_are_all_written_once()
    {
        using var db = EmulatorFixture.Connect(capped.Multipart, o => o.WriteBatchSize = 200_000);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);

        var result = await repo.AppendAsync(Enumerable.Range(0, 200_000).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        Assert.Equal(200_000, result.RowsSent);
        await RequestBodyLimitTests.AssertExactlyAsync(repo, 200_000);
    }

    [Fact]
    public async Task A_failing_part_aborts_the_upload_and_leaves_the_table_unchanged()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(capped.Multipart, o => o.WriteBatchSize = 100, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);
        await repo.AppendAsync(Enumerable.Range(1000, 10).Select(i => LogLine.Make(i)), cancellationToken: Ct);
        var parts = 0;
        wire.Fault = (path, attempt) => path.EndsWith("/insert/", StringComparison.Ordinal) && attempt == 1 && Interlocked.Increment(ref parts) == 2 ? "status=400" : null;

        var error = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AppendAsync(Enumerable.Range(0, 300).Select(i => LogLine.Make(i)), cancellationToken: Ct));

        Assert.Equal(0, error.ResumePosition);
        Assert.Equal(0, error.RowsAcknowledged);
        Assert.IsType<InvalidRequestException>(error.InnerException);
        var abort = Assert.Single(wire.Requests, r => r.Path.EndsWith("/multipart_write/abort", StringComparison.Ordinal));
        var failedUpload = Query(abort)["upload_id"];
        Assert.DoesNotContain(wire.Requests, r => r.Path.EndsWith("/multipart_write/complete", StringComparison.Ordinal) && Query(r)["upload_id"] == failedUpload);
        Assert.Equal(10, await repo.CountAsync(cancellationToken: Ct));
        Assert.Equal(0, await repo.CountAsync(x => x.Id < 1000, Ct));
    }

    [Fact]
    public async Task Below_0_4_0_an_append_is_plain_inserts_durable_per_request()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(capped.Legacy, o => o.WriteBatchSize = 100, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);

        var result = await repo.AppendAsync(Enumerable.Range(0, 250).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        var inserts = wire.Requests.Where(r => r.Path.EndsWith("/insert/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, inserts.Count);
        Assert.All(inserts, r => Assert.Equal("", r.Query));
        Assert.DoesNotContain(wire.Requests, r => r.Path.Contains("multipart", StringComparison.Ordinal));
        Assert.Equal(250, result.RowsInserted);
        await RequestBodyLimitTests.AssertExactlyAsync(repo, 250);
    }

    [Fact]
    public async Task An_append_does_not_check_keys_against_the_table()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await RequestBodyLimitTests.NewTableAsync(db);
        await repo.AddAsync([LogLine.Make(1)], cancellationToken: Ct);

        await repo.AppendAsync([LogLine.Make(1)], cancellationToken: Ct);

        Assert.Equal(2, await repo.CountAsync(x => x.Id == 1, Ct));
    }

    [Fact]
    public async Task A_plain_insert_whose_answer_was_lost_is_not_sent_again()
    {
        var wire = new RecordingHandler { Fault = (path, attempt) => path.EndsWith("/insert/", StringComparison.Ordinal) && attempt == 1 ? "after-write=reset" : null };
        using var db = EmulatorFixture.Connect(capped.Legacy, o => o.WriteBatchSize = 100, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);

        var error = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AppendAsync(Enumerable.Range(0, 250).Select(i => LogLine.Make(i)), cancellationToken: Ct));

        Assert.Equal(0, error.ResumePosition);
        Assert.Single(wire.Requests, r => r.Path.EndsWith("/insert/", StringComparison.Ordinal));
        Assert.Equal(100, await repo.CountAsync(cancellationToken: Ct)); // applied once, never twice
    }

    [Fact]
    public async Task A_plain_insert_answered_with_a_retryable_status_is_sent_again()
    {
        var wire = new RecordingHandler { Fault = (path, attempt) => path.EndsWith("/insert/", StringComparison.Ordinal) && attempt == 1 ? "status=503" : null };
        using var db = EmulatorFixture.Connect(capped.Legacy, o => o.WriteBatchSize = 100, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);

        await repo.AppendAsync(Enumerable.Range(0, 150).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        Assert.Equal(4, wire.Requests.Count(r => r.Path.EndsWith("/insert/", StringComparison.Ordinal)));
        await RequestBodyLimitTests.AssertExactlyAsync(repo, 150);
    }

    private static Dictionary<string, string> Query(RecordingHandler.Recorded request) =>
        request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
}
