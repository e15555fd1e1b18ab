using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Writes stay under a request body limit: the client's own (<see cref="LanceDbOptions.MaxRequestBodyBytes"/>), and the
/// server's, learnt from its 413 answers — without losing or repeating a row.
/// </summary>
public sealed class RequestBodyLimitTests(EmulatorFixture fixture, CappedEmulators capped) : IClassFixture<CappedEmulators>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_over_the_body_limit_is_split_by_rows_before_it_is_sent()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(o => { o.WriteBatchSize = 1000; o.MaxRequestBodyBytes = 16 * 1024; }, handler: wire);
        var repo = await NewTableAsync(db);
        var reports = new List<WriteProgress>();

        var result = await repo.AddAsync(Enumerable.Range(0, 2000).Select(i => LogLine.Make(i)), new SynchronousProgress<WriteProgress>(reports.Add), Ct);

        var writes = wire.Requests.Where(r => r.Path.EndsWith("/merge_insert/", StringComparison.Ordinal)).ToList();
        Assert.True(writes.Count > 2, $"expected the two 1,000-row batches to be split, saw {writes.Count} request(s)");
        Assert.All(writes, w => Assert.InRange(w.Body!.Length, 1, 16 * 1024));
        Assert.Equal(2000, result.RowsSent);
        Assert.Equal(2000, result.RowsInserted);
        Assert.Equal(writes.Count, reports.Count);
        Assert.Equal(Enumerable.Range(1, writes.Count), reports.Select(p => p.Batches));
        Assert.True(reports.Select(p => p.RowsWritten).SequenceEqual(reports.Select(p => p.RowsWritten).Order()), "progress goes forward");
        await AssertExactlyAsync(repo, 2000);
    }

    [Fact]
    public async Task A_request_the_server_refuses_as_too_large_is_halved_and_sent_again()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(capped.Legacy, o => { o.WriteBatchSize = 120_000; o.MaxRequestBodyBytes = 64L * 1024 * 1024; }, handler: wire);
        var repo = await NewTableAsync(db);

        var result = await repo.AddAsync(Enumerable.Range(0, 120_000).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        var writes = wire.Requests.Where(r => r.Path.EndsWith("/merge_insert/", StringComparison.Ordinal)).ToList();
        Assert.True(writes[0].Body!.Length > CappedEmulators.BodyCap, "the first request was over the server's limit");
        Assert.Contains(writes, w => w.Body!.Length <= CappedEmulators.BodyCap);
        Assert.Equal(120_000, result.RowsSent);
        Assert.Equal(120_000, result.RowsInserted);
        await AssertExactlyAsync(repo, 120_000);
    }

    [Fact]
    public async Task Two_hundred_thousand_rows_through_a_4_MB_body_cap_are_all_added_exactly_once()
    {
        using var db = EmulatorFixture.Connect(capped.Legacy, o => o.WriteBatchSize = 200_000);
        var repo = await NewTableAsync(db);

        var result = await repo.AddAsync(Enumerable.Range(0, 200_000).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        Assert.Equal(200_000, result.RowsSent);
        Assert.Equal(200_000, result.RowsInserted);
        await AssertExactlyAsync(repo, 200_000);
    }

    [Fact]
    public async Task A_single_row_over_the_clients_limit_stops_the_write_at_that_row()
    {
        using var db = await fixture.ConnectAsync(o => { o.WriteBatchSize = 10; o.MaxRequestBodyBytes = 4096; });
        var repo = await NewTableAsync(db);
        var rows = Enumerable.Range(0, 10).Select(i => LogLine.Make(i, i == 6 ? 20_000 : 40)).ToList();

        var error = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(rows, cancellationToken: Ct));

        Assert.Equal(6, error.ResumePosition);
        var tooLarge = Assert.IsType<RowTooLargeException>(error.InnerException);
        Assert.Equal(6, tooLarge.RowIndex);
        Assert.Equal(6L, tooLarge.Key);
        Assert.Equal(4096, tooLarge.LimitBytes);
        Assert.True(tooLarge.EncodedBytes > 4096);
        Assert.Contains("Row 6 (key '6')", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRequestBodyBytes", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal(6, await repo.CountAsync(cancellationToken: Ct));
        Assert.Equal(6, await repo.CountAsync(x => x.Id < 6, Ct));
    }

    [Fact]
    public async Task A_single_row_the_server_refuses_stops_the_write_with_the_servers_413()
    {
        using var db = EmulatorFixture.Connect(capped.Legacy, o => { o.WriteBatchSize = 4; o.MaxRequestBodyBytes = 64L * 1024 * 1024; });
        var repo = await NewTableAsync(db);
        var rows = Enumerable.Range(0, 4).Select(i => LogLine.Make(i, i == 2 ? 9_000_000 : 40)).ToList();

        var error = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(rows, cancellationToken: Ct));

        Assert.Equal(2, error.ResumePosition);
        var tooLarge = Assert.IsType<RowTooLargeException>(error.InnerException);
        Assert.Equal(2, tooLarge.RowIndex);
        Assert.Null(tooLarge.LimitBytes);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Contains("HTTP 413", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal(2, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Vector_totals_stay_exact_when_batches_are_split_and_when_the_write_stops_in_a_split_batch()
    {
        using var db = await fixture.ConnectAsync(o => { o.WriteBatchSize = 100; o.MaxRequestBodyBytes = 8 * 1024; });
        var repo = await fixture.NewTableAsync(db, "split-vectors");
        var rows = Enumerable.Range(0, 100).Select(i => Note.Make(i)).ToList();
        rows[10].Vector = Enumerable.Repeat(0.5f, HashingEmbeddingGenerator.Dimensions).ToArray();

        var result = await repo.AddAsync(rows, cancellationToken: Ct);

        Assert.Equal(100, result.RowsSent);
        Assert.Equal(1, result.VectorsSupplied);
        Assert.Equal(100, result.VectorsComputed + result.VectorsFromCache + result.VectorsSupplied);

        var more = Enumerable.Range(100, 100).Select(i => Note.Make(i, i == 170 ? LogLine.Make(i, 20_000).Text : null)).ToList();
        var error = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(more, cancellationToken: Ct));

        Assert.Equal(70, error.ResumePosition);
        Assert.Equal(70, error.Result.VectorsComputed + error.Result.VectorsFromCache + error.Result.VectorsSupplied);
        Assert.Equal(170, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public void A_body_limit_under_1_KiB_is_refused_when_connecting()
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorFixture.Connect(fixture.Emulator, o => o.MaxRequestBodyBytes = 512));

        Assert.Contains("MaxRequestBodyBytes must be at least 1024 (was 512)", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<LanceRepository<LogLine, long>> NewTableAsync(LanceDbConnection db)
    {
        var repo = db.LogLines();
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        return repo;
    }

    /// <summary>The table holds exactly the keys 0 … count-1, each once.</summary>
    internal static async Task AssertExactlyAsync(LanceRepository<LogLine, long> repo, int count)
    {
        Assert.Equal(count, await repo.CountAsync(cancellationToken: Ct));
        var ids = await repo.Query().Select(x => x.Id).Limit(count + 1).ToListAsync(Ct);
        Assert.Equal(count, ids.Count);
        Assert.Equal(count, ids.Select(h => h.Entity).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), ids.Select(h => h.Entity).Order());
    }
}
