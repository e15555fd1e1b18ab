using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Versions and time travel: every write commits a version; a snapshot reads one version whatever is written later;
/// restore makes an old version the latest.
/// </summary>
public sealed class VersionTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>v1 the created table, v2 three notes, v3 note 1 retitled and notes 3 and 4 added.</summary>
    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Notes, RecordingHandler Wire)> ThreeVersionsAsync()
    {
        var wire = new RecordingHandler();
        var db = await fixture.ConnectAsync(handler: wire);
        var notes = await fixture.NewTableAsync(db, "versions");
        await notes.AddAsync([Note.Make(0), Note.Make(1), Note.Make(2)], cancellationToken: Ct);
        var retitled = Note.Make(1);
        retitled.Title = "Retitled";
        await notes.UpsertAsync([retitled, Note.Make(3), Note.Make(4)], cancellationToken: Ct);
        return (db, notes, wire);
    }

    [Fact]
    public async Task ListVersionsAsync_lists_one_version_per_write_oldest_first_with_its_time_and_metadata()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;

        var versions = await notes.ListVersionsAsync(Ct);

        Assert.Equal([1L, 2L, 3L], versions.Select(v => v.Version));
        Assert.Equal(["0", "3", "5"], versions.Select(v => v.Metadata["total_rows"]));
        Assert.All(versions, v => Assert.InRange(v.Timestamp, before, DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(versions.Select(v => v.Timestamp).Order(), versions.Select(v => v.Timestamp));
        Assert.Equal(3, await notes.GetVersionAsync(Ct));
    }

    [Fact]
    public async Task A_snapshot_at_an_old_version_queries_counts_gets_and_searches_its_rows_while_the_repository_reads_the_latest()
    {
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;

        var v2 = await notes.AtVersionAsync(2, Ct);

        Assert.Equal(2, v2.Version);
        Assert.Null(v2.Tag);
        Assert.Equal(["n000000", "n000001", "n000002"], (await v2.Query().ToListAsync(Ct)).Select(h => h.Entity.Id).Order());
        Assert.Equal(3, await v2.CountAsync(cancellationToken: Ct));
        Assert.Equal(1, await v2.CountAsync(x => x.Title == "Title 1", Ct));
        Assert.Equal("Title 1", (await v2.GetAsync("n000001", Ct))!.Title);
        Assert.Null(await v2.GetAsync("n000003", Ct));
        Assert.Equal(3, (await v2.Search(x => x.Body, Note.Make(3).Body).Limit(10).ToListAsync(Ct)).Count);
        Assert.DoesNotContain("n000003", (await v2.Search(x => x.Body, Note.Make(3).Body).ToListAsync(Ct)).Select(h => h.Entity.Id));

        Assert.Equal(5, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal("Retitled", (await notes.GetAsync("n000001", Ct))!.Title);
        Assert.Equal("n000003", (await notes.Search(x => x.Body, Note.Make(3).Body).Limit(1).ToListAsync(Ct))[0].Entity.Id);
    }

    [Fact]
    public async Task A_snapshot_keeps_reading_its_version_after_later_writes()
    {
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;
        var v3 = await notes.AtVersionAsync(3, Ct);

        await notes.DeleteAsync(x => x.Year > 0, Ct);

        Assert.Equal(0, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(5, await v3.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Every_read_of_a_snapshot_names_its_version_and_carries_no_freshness_headers()
    {
        var (db, notes, wire) = await ThreeVersionsAsync();
        using var _ = db;
        wire.Requests.Clear();

        var v2 = await notes.AtVersionAsync(2, Ct);
        await v2.CountAsync(cancellationToken: Ct);
        await v2.Query().Limit(2).ToListAsync(Ct);
        await v2.Search(x => x.Body, "topic").ToListAsync(Ct);

        Assert.Equal(["/describe/", "/count_rows/", "/query/", "/query/"], wire.Requests.Select(r => r.Path[r.Path.LastIndexOf('/', r.Path.Length - 2)..]));
        Assert.All(wire.Requests, r =>
        {
            Assert.Equal(2, JsonNode.Parse(r.Body)!["version"]!.GetValue<long>());
            Assert.DoesNotContain(r.Headers.Keys, k => k.StartsWith("x-lancedb-min", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Reads_of_the_latest_version_name_no_version_and_keep_their_freshness_headers()
    {
        var (db, notes, wire) = await ThreeVersionsAsync();
        using var _ = db;
        wire.Requests.Clear();

        await notes.CountAsync(cancellationToken: Ct);

        var count = Assert.Single(wire.Requests);
        Assert.Null(JsonNode.Parse(count.Body)!["version"]);
        Assert.Equal("3", count.Headers["x-lancedb-min-version"]);
    }

    [Fact]
    public async Task Opening_a_version_the_table_does_not_have_is_a_VersionNotFoundException_naming_it()
    {
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;

        var error = await Assert.ThrowsAsync<VersionNotFoundException>(() => notes.AtVersionAsync(99, Ct));

        Assert.Equal(99, error.Version);
        Assert.Equal("notes", error.TableName);
        Assert.StartsWith("Describe table on table 'notes' failed: the table has no version 99. ListVersionsAsync lists its versions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_below_one_is_refused_before_anything_is_sent()
    {
        var (db, notes, wire) = await ThreeVersionsAsync();
        using var _ = db;
        wire.Requests.Clear();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => notes.AtVersionAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => notes.RestoreAsync(-1, Ct));

        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task RestoreAsync_commits_the_old_version_as_the_latest_and_later_reads_and_writes_see_it()
    {
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;

        var restored = await notes.RestoreAsync(2, Ct);

        Assert.Equal(4, restored);
        Assert.Equal(4, await notes.GetVersionAsync(Ct));
        Assert.Equal(3, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal("Title 1", (await notes.GetAsync("n000001", Ct))!.Title);
        Assert.Equal([1L, 2L, 3L, 4L], (await notes.ListVersionsAsync(Ct)).Select(v => v.Version));

        await notes.AddAsync([Note.Make(9)], cancellationToken: Ct);
        Assert.Equal(4, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(5, await (await notes.AtVersionAsync(3, Ct)).CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Restoring_a_version_the_table_does_not_have_is_a_VersionNotFoundException_and_changes_nothing()
    {
        var (db, notes, _) = await ThreeVersionsAsync();
        using var _ = db;

        var error = await Assert.ThrowsAsync<VersionNotFoundException>(() => notes.RestoreAsync(42, Ct));

        Assert.Equal(42, error.Version);
        Assert.Contains("the table has no version 42", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await notes.GetVersionAsync(Ct));
    }

    [Fact]
    public async Task A_snapshot_of_a_missing_table_is_a_TableNotFoundException()
    {
        using var db = await fixture.ConnectAsync();

        var error = await Assert.ThrowsAsync<TableNotFoundException>(() => db.Notes().AtVersionAsync(1, Ct));

        Assert.Equal("notes", error.TableName);
    }
}
