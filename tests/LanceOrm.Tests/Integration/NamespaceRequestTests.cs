using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// LanceOrm's namespace requests are the official client's (recorded through the harness, on a database of its own so both
/// can create the same names): paths, query parameters, content type and JSON body.
/// </summary>
public sealed class NamespaceRequestTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_describing_and_dropping_a_namespace_send_the_official_clients_requests()
    {
        var (db, wire) = await ConnectAsync();
        using var _ = db;
        await db.CreateNamespaceAsync("tenant", cancellationToken: Ct);
        await db.CreateNamespaceAsync("props", properties: new Dictionary<string, string> { ["owner"] = "ops" }, cancellationToken: Ct);
        await db.InNamespace("tenant").CreateNamespaceAsync("inner", cancellationToken: Ct);
        await db.DescribeNamespaceAsync("props", Ct);
        await db.InNamespace("tenant").DescribeNamespaceAsync("inner", Ct);
        await db.InNamespace("tenant").DropNamespaceAsync("inner", cancellationToken: Ct);

        var official = await OfficialAsync("""
            await db.createNamespace(['tenant']);
            await db.createNamespace(['props'], { properties: { owner: 'ops' } });
            await db.createNamespace(['tenant', 'inner']);
            await db.describeNamespace(['props']);
            await db.describeNamespace(['tenant', 'inner']);
            await db.dropNamespace(['tenant', 'inner']);
            """);

        var ours = wire.Requests.Select(WireRequest.From).ToArray();
        Assert.Equal(official.Count, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            WireAssert.SameRequest(official[i], ours[i]);
        }

        Assert.Equal("/v1/namespace/tenant$inner/create", ours[2].Path);
    }

    [Fact]
    public async Task Create_and_drop_modes_differ_from_the_official_client_only_by_its_quoting_of_the_mode()
    {
        var (db, wire) = await ConnectAsync();
        using var _ = db;
        await db.CreateNamespaceAsync("tenant", cancellationToken: Ct);
        await db.InNamespace("tenant").Notes().CreateTableAsync(cancellationToken: Ct);
        await db.CreateNamespaceAsync("tenant", NamespaceCreateMode.ExistOk, cancellationToken: Ct);
        await db.CreateNamespaceAsync("tenant", NamespaceCreateMode.Overwrite, cancellationToken: Ct);
        await db.DropNamespaceAsync("tenant", NamespaceDropBehavior.Cascade, NamespaceDropMode.Skip, Ct);

        var official = await OfficialAsync("""
            await db.createNamespace(['tenant']);
            await db.createNamespace(['tenant'], { mode: 'exist_ok' });
            await db.createNamespace(['tenant'], { mode: 'overwrite' });
            await db.dropNamespace(['tenant'], { mode: 'skip', behavior: 'cascade' });
            """);

        var ours = wire.Requests.Select(WireRequest.From).Where(r => r.Path.StartsWith("/v1/namespace/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(official.Count, ours.Length);
        // The official client 0.37.1 sends Rust's debug form of the mode string, quotes included ("\"ExistOk\"");
        // LanceOrm sends the lance-namespace spec's name (ExistOk). Everything else is the same request.
        Assert.Equal("\"ExistOk\"", official[1].Json!["mode"]!.GetValue<string>());
        Assert.Equal("ExistOk", ours[1].Json!["mode"]!.GetValue<string>());
        for (var i = 0; i < ours.Length; i++)
        {
            WireAssert.SameRequest(Unquoted(official[i]), ours[i]);
        }
    }

    [Fact]
    public async Task Listing_namespaces_and_a_namespaces_tables_page_by_page_sends_the_official_clients_requests()
    {
        var (db, wire) = await ConnectAsync();
        using var _ = db;
        await db.CreateNamespaceAsync("tenant", cancellationToken: Ct);
        var tenant = db.InNamespace("tenant");
        wire.Requests.Clear();
        await db.ListNamespacesAsync(cancellationToken: Ct);
        await db.ListNamespacesAsync(limit: 2, pageToken: "a", cancellationToken: Ct);
        await db.InNamespace("tenant").ListNamespacesAsync(limit: 1, cancellationToken: Ct);
        await tenant.ListTablesAsync(cancellationToken: Ct);
        await tenant.ListTablesAsync(limit: 2, pageToken: "t0", cancellationToken: Ct);
        await db.ListTablesAsync(limit: 2, cancellationToken: Ct);

        var official = await OfficialAsync("""
            await db.createNamespace(['tenant']);
            await db.listNamespaces();
            await db.listNamespaces([], { limit: 2, pageToken: 'a' });
            await db.listNamespaces(['tenant'], { limit: 1 });
            await db.tableNames(['tenant']);
            await db.tableNames(['tenant'], { limit: 2, startAfter: 't0' });
            await db.tableNames({ limit: 2 });
            """);

        var ours = wire.Requests.Select(WireRequest.From).ToArray();
        Assert.Equal(official.Count - 1, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            WireAssert.SameRequest(official[i + 1], ours[i]);
        }

        Assert.Equal("/v1/namespace/$/list", ours[0].Path);
        Assert.Equal("/v1/namespace/tenant/table/list", ours[4].Path);
    }

    [Fact]
    public async Task A_table_operation_in_a_namespace_sends_the_official_clients_request()
    {
        var (db, wire) = await ConnectAsync();
        using var _ = db;
        await db.CreateNamespaceAsync("tenant", cancellationToken: Ct);
        var notes = db.InNamespace("tenant").Notes();
        await notes.CreateTableAsync(cancellationToken: Ct);
        await notes.CountAsync(cancellationToken: Ct);
        await db.InNamespace("tenant").DropTableAsync("notes", Ct);

        var official = await OfficialAsync("""
            await db.createNamespace(['tenant']);
            const t = await db.createTable('notes', [{ id: 'n1' }], ['tenant']);
            if (await t.countRows() !== 1) throw new Error('count');
            await db.dropTable('notes', ['tenant']);
            """);

        var ours = wire.Requests.Select(WireRequest.From).ToArray();
        WireAssert.SameRequest(WireAssert.Single(official, "/create/"), WireAssert.Single(ours, "/create/"));
        WireAssert.SameRequest(WireAssert.Single(official, "/count_rows/"), WireAssert.Single(ours, "/count_rows/"));
        WireAssert.SameRequest(WireAssert.Single(official, "/drop/"), WireAssert.Single(ours, "$notes/drop/"));
        Assert.Equal("/v1/table/tenant$notes/count_rows/", WireAssert.Single(ours, "/count_rows/").Path);
    }

    private async Task<(LanceDbConnection Db, RecordingHandler Wire)> ConnectAsync()
    {
        var wire = new RecordingHandler();
        return (await fixture.ConnectAsync(handler: wire), wire);
    }

    /// <summary>The official client's requests for <paramref name="script"/>, on a fresh database of its own.</summary>
    private Task<IReadOnlyList<WireRequest>> OfficialAsync(string script) =>
        OfficialClientRequests.RecordAsync(fixture.Emulator, EmulatorFixture.UniqueDatabase(), script, Ct);

    /// <summary>The request with its <c>mode</c> and <c>behavior</c> values unquoted (<c>"\"Skip\""</c> ⇒ <c>"Skip"</c>).</summary>
    private static WireRequest Unquoted(WireRequest request)
    {
        if (request.Json is not JsonObject body)
        {
            return request;
        }

        var copy = body.DeepClone().AsObject();
        foreach (var key in new[] { "mode", "behavior" })
        {
            if (copy[key]?.GetValue<string>() is { } value)
            {
                copy[key] = value.Trim('"');
            }
        }

        return request with { Json = copy };
    }
}
