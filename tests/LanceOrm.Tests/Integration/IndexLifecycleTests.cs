using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>Index statistics, drop, and waiting until an index covers every row.</summary>
public sealed class IndexLifecycleTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Notes)> IndexedAsync()
    {
        var db = await fixture.ConnectAsync();
        var notes = await fixture.NewTableAsync(db, "indexlife");
        await notes.AddAsync(Enumerable.Range(0, 10).Select(i => Note.Make(i)), cancellationToken: Ct);
        await notes.CreateScalarIndexAsync(x => x.Year, cancellationToken: Ct);
        return (db, notes);
    }

    [Fact]
    public async Task Index_statistics_report_indexed_and_unindexed_rows_and_the_index_type()
    {
        var (db, notes) = await IndexedAsync();
        using var _ = db;

        var built = await notes.GetIndexStatisticsAsync("year_idx", Ct);
        await notes.AddAsync(Enumerable.Range(10, 5).Select(i => Note.Make(i)), cancellationToken: Ct);
        var behind = await notes.GetIndexStatisticsAsync("year_idx", Ct);

        Assert.Equal(("year_idx", 10L, 0L, "BTREE"), (built!.IndexName, built.NumIndexedRows, built.NumUnindexedRows, built.IndexType));
        Assert.Equal(10, behind!.NumIndexedRows);
        Assert.Equal(5, behind.NumUnindexedRows);
    }

    [Fact]
    public async Task Statistics_of_an_index_the_table_does_not_have_are_null()
    {
        var (db, notes) = await IndexedAsync();
        using var _ = db;

        Assert.Null(await notes.GetIndexStatisticsAsync("nope", Ct));
    }

    [Fact]
    public async Task DropIndexAsync_removes_the_index_and_dropping_it_again_is_an_IndexNotFoundException_naming_it()
    {
        var (db, notes) = await IndexedAsync();
        using var _ = db;

        await notes.DropIndexAsync("year_idx", Ct);
        var error = await Assert.ThrowsAsync<IndexNotFoundException>(() => notes.DropIndexAsync("year_idx", Ct));

        Assert.Empty(await notes.ListIndicesAsync(Ct));
        Assert.Null(await notes.GetIndexStatisticsAsync("year_idx", Ct));
        Assert.Equal("year_idx", error.IndexName);
        Assert.Equal("notes", error.TableName);
        Assert.Equal("Drop index on table 'notes' failed: the table has no index named 'year_idx'. ListIndicesAsync lists the names.", error.Message);
        Assert.Equal(10, await notes.CountAsync(x => x.Year > 0, Ct));
    }

    [Fact]
    public async Task WaitForIndexAsync_returns_once_no_row_is_unindexed_and_times_out_while_some_are()
    {
        var (db, notes) = await IndexedAsync();
        using var _ = db;

        await notes.WaitForIndexAsync("year_idx", TimeSpan.Zero, Ct);
        await notes.AddAsync([Note.Make(10)], cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<IndexWaitTimeoutException>(() => notes.WaitForIndexAsync("year_idx", TimeSpan.Zero, Ct));

        Assert.Contains("'year_idx'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_index_name_is_refused_before_anything_is_sent()
    {
        using var db = await fixture.ConnectAsync();
        var notes = db.Notes();

        await Assert.ThrowsAsync<ArgumentException>(() => notes.GetIndexStatisticsAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => notes.DropIndexAsync("", Ct));
    }
}
