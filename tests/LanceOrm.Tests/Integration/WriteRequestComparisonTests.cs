using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Create-with-data and append send the official client's requests (<c>createTable(name, rows)</c>, <c>table.add(rows)</c>
/// below 0.4.0). The multipart form has no official request to compare with: the official client 0.37.1 never sends it
/// for <c>add</c> (see emulator/test/conformance-multipart.test.mjs); its shape follows protocol §5.6.
/// </summary>
public sealed class WriteRequestComparisonTests(EmulatorFixture fixture, CappedEmulators capped) : IClassFixture<CappedEmulators>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OfficialRows = "[{ id: 1, text: 'a' }, { id: 2, text: 'b' }, { id: 3, text: 'c' }]";

    [Fact]
    public async Task Creating_a_table_with_rows_sends_the_official_clients_create_request()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        await db.LogLines().CreateTableAsync(Enumerable.Range(1, 3).Select(i => LogLine.Make(i)).ToList(), cancellationToken: Ct);

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, EmulatorFixture.UniqueDatabase(),
            $"await db.createTable('log_lines', {OfficialRows});", Ct);

        var create = WireAssert.Single(official, "/create/");
        Assert.True(create.BodyLength > 0);
        WireAssert.SameRequest(create, WireRequest.From(Assert.Single(wire.Requests)));
    }

    [Fact]
    public async Task Appending_below_0_4_0_sends_the_official_clients_insert_request()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(capped.Legacy, handler: wire);
        var repo = await RequestBodyLimitTests.NewTableAsync(db);
        await repo.AppendAsync(Enumerable.Range(1, 3).Select(i => LogLine.Make(i)), cancellationToken: Ct);

        var official = await OfficialClientRequests.RecordAsync(capped.Legacy, EmulatorFixture.UniqueDatabase(),
            $"const t = await db.createTable('log_lines', {OfficialRows}); await t.add({OfficialRows});", Ct);

        WireAssert.SameRequest(WireAssert.Single(official, "/insert/"), WireRequest.From(wire.Requests.Single(r => r.Path.EndsWith("/insert/", StringComparison.Ordinal))));
    }
}
