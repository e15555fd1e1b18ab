using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>Namespaces against the emulator: a connection view bound to one, their lifecycle, paged listings and errors.</summary>
public sealed class NamespaceTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_generated_repository_in_a_namespace_view_writes_and_queries_its_own_table()
    {
        var handler = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: handler);
        await db.CreateNamespaceAsync("tenant_a", cancellationToken: Ct);
        var tenant = db.InNamespace("tenant_a");

        var notes = tenant.Notes();
        await notes.CreateTableAsync(cancellationToken: Ct);
        await notes.AddAsync([Note.Make(1), Note.Make(2), Note.Make(3)], cancellationToken: Ct);
        await notes.UpdateAsync(n => n.Id == "n000001", set => set.Set(n => n.Year, 1999), Ct);

        Assert.Equal(3, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(1999, (await notes.GetAsync("n000001", Ct))!.Year);
        Assert.Equal(["notes"], (await tenant.ListTablesAsync(cancellationToken: Ct)).Tables);
        Assert.Empty((await db.ListTablesAsync(cancellationToken: Ct)).Tables);
        Assert.All(handler.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/v1/table/", StringComparison.Ordinal)), r => Assert.StartsWith("/v1/table/tenant_a$notes/", r.Path));
    }

    [Fact]
    public async Task The_same_table_name_in_two_namespaces_holds_different_rows()
    {
        using var db = await fixture.ConnectAsync();
        await db.CreateNamespaceAsync("tenant_a", cancellationToken: Ct);
        await db.CreateNamespaceAsync("tenant_b", cancellationToken: Ct);
        var a = db.InNamespace("tenant_a").Notes();
        var b = db.InNamespace("tenant_b").Notes();
        await a.CreateTableAsync(cancellationToken: Ct);
        await b.CreateTableAsync(cancellationToken: Ct);

        await a.AddAsync([Note.Make(1)], cancellationToken: Ct);
        await b.AddAsync([Note.Make(2), Note.Make(3)], cancellationToken: Ct);

        Assert.Equal(["n000001"], (await a.Query().ToListAsync(Ct)).Select(h => h.Entity.Id));
        Assert.Equal(["n000002", "n000003"], (await b.Query().ToListAsync(Ct)).Select(h => h.Entity.Id).Order());
        await Assert.ThrowsAsync<TableNotFoundException>(() => db.Notes().CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Nested_namespaces_are_reached_by_a_path_and_views_share_read_your_writes()
    {
        var handler = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: handler);
        await db.CreateNamespaceAsync("org", cancellationToken: Ct);
        await db.InNamespace("org").CreateNamespaceAsync("team", cancellationToken: Ct);
        var deep = db.InNamespace("org", "team");
        Assert.Equal(["org", "team"], deep.Namespace);
        Assert.Equal(deep.Namespace, db.InNamespace("org").InNamespace("team").Namespace);
        Assert.Empty(db.Namespace);

        await deep.Notes().CreateTableAsync(cancellationToken: Ct);
        await deep.Notes().AddAsync([Note.Make(7)], cancellationToken: Ct);
        Assert.Equal(1, await db.InNamespace("org", "team").Notes().CountAsync(cancellationToken: Ct));

        var count = handler.Requests.Last(r => r.Path.EndsWith("/count_rows/", StringComparison.Ordinal));
        Assert.Equal("/v1/table/org$team$notes/count_rows/", count.Path);
        Assert.True(count.Headers.ContainsKey("x-lancedb-min-version"), "a read through another view of the same table carries the version the write returned");
    }

    [Fact]
    public async Task Create_describe_and_the_create_modes_keep_or_replace_a_namespace()
    {
        using var db = await fixture.ConnectAsync();
        var created = await db.CreateNamespaceAsync("props", properties: new Dictionary<string, string> { ["owner"] = "ops", ["tier"] = "gold" }, cancellationToken: Ct);
        Assert.Equal(["props"], created.Path);
        Assert.Equal("gold", created.Properties["tier"]);

        var described = await db.DescribeNamespaceAsync("props", Ct);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "ops", ["tier"] = "gold" }, described.Properties);

        var exists = await Assert.ThrowsAsync<NamespaceAlreadyExistsException>(() => db.CreateNamespaceAsync("props", cancellationToken: Ct));
        Assert.Equal(["props"], exists.NamespacePath);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, exists.Status);

        var kept = await db.CreateNamespaceAsync("props", NamespaceCreateMode.ExistOk, new Dictionary<string, string> { ["owner"] = "someone else" }, Ct);
        Assert.Equal("ops", kept.Properties["owner"]);

        await db.InNamespace("props").Notes().CreateTableAsync(cancellationToken: Ct);
        var replaced = await db.CreateNamespaceAsync("props", NamespaceCreateMode.Overwrite, new Dictionary<string, string> { ["v"] = "2" }, Ct);
        Assert.Equal(new Dictionary<string, string> { ["v"] = "2" }, replaced.Properties);
        Assert.Empty((await db.InNamespace("props").ListTablesAsync(cancellationToken: Ct)).Tables);
        Assert.Empty((await db.CreateNamespaceAsync("bare", cancellationToken: Ct)).Properties);
    }

    [Fact]
    public async Task Dropping_an_empty_namespace_succeeds_a_non_empty_one_needs_cascade()
    {
        using var db = await fixture.ConnectAsync();
        await db.CreateNamespaceAsync("empty", cancellationToken: Ct);
        await db.DropNamespaceAsync("empty", cancellationToken: Ct);
        Assert.DoesNotContain("empty", (await db.ListNamespacesAsync(cancellationToken: Ct)).Namespaces);

        await db.CreateNamespaceAsync("full", cancellationToken: Ct);
        var full = db.InNamespace("full");
        await full.Notes().CreateTableAsync(cancellationToken: Ct);
        await full.Notes().AddAsync([Note.Make(1)], cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<NamespaceNotEmptyException>(() => db.DropNamespaceAsync("full", cancellationToken: Ct));
        Assert.Equal(["full"], refused.NamespacePath);
        Assert.Contains("Cascade", refused.Message);
        Assert.Equal(1, await full.Notes().CountAsync(cancellationToken: Ct));

        await db.DropNamespaceAsync("full", NamespaceDropBehavior.Cascade, cancellationToken: Ct);
        Assert.Empty((await db.ListNamespacesAsync(cancellationToken: Ct)).Namespaces);
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => full.ListTablesAsync(cancellationToken: Ct));
        await Assert.ThrowsAsync<TableNotFoundException>(() => full.Notes().CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_missing_namespace_is_NamespaceNotFoundException_unless_the_drop_skips_it()
    {
        using var db = await fixture.ConnectAsync();

        var describe = await Assert.ThrowsAsync<NamespaceNotFoundException>(() => db.DescribeNamespaceAsync("ghost", Ct));
        Assert.Equal(["ghost"], describe.NamespacePath);
        Assert.Contains("Describe namespace 'ghost'", describe.Message);
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => db.DropNamespaceAsync("ghost", cancellationToken: Ct));
        await db.DropNamespaceAsync("ghost", mode: NamespaceDropMode.Skip, cancellationToken: Ct);

        var child = await Assert.ThrowsAsync<NamespaceNotFoundException>(() => db.InNamespace("ghost").CreateNamespaceAsync("child", cancellationToken: Ct));
        Assert.Equal(["ghost", "child"], child.NamespacePath);
        Assert.Contains("parent", child.Message);
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => db.InNamespace("ghost").ListNamespacesAsync(cancellationToken: Ct));
        await Assert.ThrowsAsync<TableNotFoundException>(() => db.InNamespace("ghost").Notes().CreateTableAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Tables_in_a_namespace_are_listed_page_by_page()
    {
        using var db = await fixture.ConnectAsync();
        await db.CreateNamespaceAsync("many", cancellationToken: Ct);
        var many = db.InNamespace("many");
        for (var i = 0; i < 5; i++)
        {
            await new MapRepository<Note>(many, new RenamedMap<Note>(Note.LanceMap, $"t{i}")).CreateTableAsync(cancellationToken: Ct);
        }

        var first = await many.ListTablesAsync(limit: 2, cancellationToken: Ct);
        Assert.Equal(["t0", "t1"], first.Tables);
        Assert.Equal("t1", first.NextPageToken);
        var second = await many.ListTablesAsync(limit: 2, pageToken: first.NextPageToken, cancellationToken: Ct);
        Assert.Equal(["t2", "t3"], second.Tables);
        var last = await many.ListTablesAsync(limit: 2, pageToken: second.NextPageToken, cancellationToken: Ct);
        Assert.Equal(["t4"], last.Tables);
        Assert.Null(last.NextPageToken);

        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], await many.ListAllTablesAsync(pageSize: 2, Ct).ToListAsync(Ct));
        await many.DropTableAsync("t2", Ct);
        Assert.Equal(["t0", "t1", "t3", "t4"], await many.ListAllTablesAsync(pageSize: 3, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Namespaces_are_listed_page_by_page_at_the_root_and_below()
    {
        using var db = await fixture.ConnectAsync();
        string[] names = ["n1", "n2", "n3", "n4", "n5", "n6", "n7"];
        foreach (var name in names)
        {
            await db.CreateNamespaceAsync(name, cancellationToken: Ct);
        }

        await db.InNamespace("n3").CreateNamespaceAsync("inner", cancellationToken: Ct);

        var pages = new List<IReadOnlyList<string>>();
        string? token = null;
        do
        {
            var page = await db.ListNamespacesAsync(limit: 3, pageToken: token, cancellationToken: Ct);
            pages.Add(page.Namespaces);
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal([["n1", "n2", "n3"], ["n4", "n5", "n6"], ["n7"]], pages);
        Assert.Equal(names, await db.ListAllNamespacesAsync(pageSize: 2, Ct).ToListAsync(Ct));
        Assert.Equal(["inner"], (await db.InNamespace("n3").ListNamespacesAsync(cancellationToken: Ct)).Namespaces);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a$b")]
    [InlineData("has space")]
    [InlineData("slash/y")]
    public async Task Invalid_namespace_names_are_refused_before_any_request(string name)
    {
        var handler = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: handler);

        Assert.Throws<ArgumentException>(() => db.InNamespace(name));
        Assert.Throws<ArgumentException>(() => db.InNamespace("ok", name));
        await Assert.ThrowsAsync<ArgumentException>(() => db.CreateNamespaceAsync(name, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => db.DropNamespaceAsync(name, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => db.DescribeNamespaceAsync(name, Ct));
        Assert.Throws<ArgumentException>(() => db.InNamespace());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.CreateNamespaceAsync("ok", (NamespaceCreateMode)7, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.ListNamespacesAsync(limit: 0, cancellationToken: Ct));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_namespace_view_names_its_namespace_and_disposing_it_leaves_the_connection_working()
    {
        using var db = await fixture.ConnectAsync();
        await db.CreateNamespaceAsync("viewed", cancellationToken: Ct);
        var view = db.InNamespace("viewed");

        Assert.Contains("Namespace = viewed", view.ToString());
        Assert.DoesNotContain(EmulatorFixture.ApiKey, view.ToString());
        Assert.Equal(db.Database, view.Database);
        Assert.Same(db.Embeddings, view.Embeddings);

        view.Dispose();
        Assert.Contains("viewed", (await db.ListNamespacesAsync(cancellationToken: Ct)).Namespaces);
        Assert.Empty((await view.ListTablesAsync(cancellationToken: Ct)).Tables);
    }
}
