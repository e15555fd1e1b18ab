using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// LanceOrm's requests for versions, time travel, tags and the index lifecycle are the official client's (method, path,
/// query, content type and JSON body), recorded through the harness for the same operation on the same table.
/// </summary>
public sealed class VersionRequestComparisonTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A table at version 3 (created, two adds) with a BTREE index on year at version 4, seen through a recorder.</summary>
    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Notes, RecordingHandler Wire)> SeededAsync(bool indexed = false)
    {
        var wire = new RecordingHandler();
        var db = await fixture.ConnectAsync(handler: wire);
        var notes = await fixture.NewTableAsync(db, "compare");
        await notes.AddAsync([Note.Make(0), Note.Make(1)], cancellationToken: Ct);
        await notes.AddAsync([Note.Make(2)], cancellationToken: Ct);
        if (indexed)
        {
            await notes.CreateScalarIndexAsync(x => x.Year, cancellationToken: Ct);
        }

        wire.Requests.Clear();
        return (db, notes, wire);
    }

    private Task<IReadOnlyList<WireRequest>> OfficialAsync(LanceDbConnection db, string script) =>
        OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database, "const t = await db.openTable('notes');\n" + script, Ct);

    private static WireRequest[] Ours(RecordingHandler wire) => wire.Requests.Select(WireRequest.From).ToArray();

    /// <summary>The same requests in the same order, after the official client's open-table describe (no body), which LanceOrm's repository sends once when it opens.</summary>
    private static void SameSequence(IEnumerable<WireRequest> official, IEnumerable<WireRequest> ours)
    {
        var expected = official.SkipWhile(r => r.Path.EndsWith("/describe/", StringComparison.Ordinal) && r.BodyLength == 0).ToArray();
        var actual = ours.ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            WireAssert.SameRequest(expected[i], actual[i]);
        }
    }

    [Fact]
    public async Task Listing_versions_sends_the_official_clients_request()
    {
        var (db, notes, wire) = await SeededAsync();
        using var _ = db;

        await notes.ListVersionsAsync(Ct);
        var official = await OfficialAsync(db, "await t.listVersions();");

        WireAssert.SameRequest(WireAssert.Single(official, "/version/list/"), Assert.Single(Ours(wire)));
    }

    [Fact]
    public async Task A_snapshot_at_a_version_with_a_count_and_a_query_sends_the_official_clients_checkout_count_and_query()
    {
        var (db, notes, wire) = await SeededAsync();
        using var _ = db;

        var v2 = await notes.AtVersionAsync(2, Ct);
        await v2.CountAsync(cancellationToken: Ct);
        await v2.Query().ToListAsync(Ct);
        await v2.CountAsync(x => x.Year > 2000, Ct);
        var official = await OfficialAsync(db, "await t.checkout(2); await t.countRows(); await t.query().toArray(); await t.countRows('`year` > 2000');");

        SameSequence(official, Ours(wire));
    }

    [Fact]
    public async Task A_snapshot_at_a_tag_sends_the_official_clients_checkout_by_tag()
    {
        var (db, notes, wire) = await SeededAsync();
        using var _ = db;
        await notes.Tags.CreateAsync("two", 2, Ct);
        wire.Requests.Clear();

        var tagged = await notes.AtTagAsync("two", Ct);
        await tagged.CountAsync(cancellationToken: Ct);
        var official = await OfficialAsync(db, "await t.checkout('two'); await t.countRows();");

        SameSequence(official, Ours(wire));
    }

    [Fact]
    public async Task Restoring_a_version_sends_the_official_clients_restore()
    {
        var (db, notes, wire) = await SeededAsync();
        using var _ = db;

        await notes.RestoreAsync(2, Ct);
        var official = await OfficialAsync(db, "await t.checkout(2); await t.restore();");

        WireAssert.SameRequest(WireAssert.Single(official, "/restore/"), Assert.Single(Ours(wire)));
    }

    [Fact]
    public async Task Tag_operations_send_the_official_clients_requests()
    {
        var (db, notes, wire) = await SeededAsync();
        using var _ = db;

        await notes.Tags.CreateAsync("a", 1, Ct);
        await notes.Tags.ListAsync(Ct);
        await notes.Tags.GetVersionAsync("a", Ct);
        await notes.Tags.UpdateAsync("a", 2, Ct);
        await notes.Tags.DeleteAsync("a", Ct);
        var official = await OfficialAsync(db, """
            const tags = await t.tags();
            await tags.create('a', 1); await tags.list(); await tags.getVersion('a'); await tags.update('a', 2); await tags.delete('a');
            """);

        SameSequence(official, Ours(wire));
    }

    [Fact]
    public async Task Index_statistics_and_drop_send_the_official_clients_requests()
    {
        var (db, notes, wire) = await SeededAsync(indexed: true);
        using var _ = db;

        await notes.GetIndexStatisticsAsync("year_idx", Ct);
        await notes.DropIndexAsync("year_idx", Ct);
        var official = await OfficialAsync(db, "await t.createIndex('year', { config: lancedb.Index.btree() }); await t.indexStats('year_idx'); await t.dropIndex('year_idx');");

        WireAssert.SameRequest(WireAssert.Single(official, "/index/year_idx/stats/"), WireAssert.Single(Ours(wire), "/index/year_idx/stats/"));
        WireAssert.SameRequest(WireAssert.Single(official, "/index/year_idx/drop/"), WireAssert.Single(Ours(wire), "/index/year_idx/drop/"));
    }
}
