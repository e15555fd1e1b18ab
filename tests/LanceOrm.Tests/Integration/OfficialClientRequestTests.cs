using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// The request-comparison harness itself: the official client's requests are recorded through a proxy and compare equal
/// to LanceOrm's for the same operation, and a different request is told apart.
/// </summary>
public sealed class OfficialClientRequestTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counting_rows_sends_the_official_clients_request()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var notes = await fixture.NewTableAsync(db, "harness");
        await notes.AddAsync([Note.Make(1), Note.Make(2)], cancellationToken: Ct);
        await notes.CountAsync(cancellationToken: Ct);

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database,
            "const t = await db.openTable('notes'); if (await t.countRows() !== 2) throw new Error('count');", Ct);

        var ours = wire.Requests.Select(WireRequest.From).ToArray();
        WireAssert.SameRequest(WireAssert.Single(official, "/count_rows/"), ours.Last(r => r.Path.EndsWith("/count_rows/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_with_another_body_is_told_apart()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var notes = await fixture.NewTableAsync(db, "harness");
        await notes.CountAsync(x => x.Year > 2000, Ct);

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database, "await (await db.openTable('notes')).countRows();", Ct);

        var ours = WireRequest.From(wire.Requests.Last(r => r.Path.EndsWith("/count_rows/", StringComparison.Ordinal)));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => WireAssert.SameRequest(WireAssert.Single(official, "/count_rows/"), ours));
    }
}
