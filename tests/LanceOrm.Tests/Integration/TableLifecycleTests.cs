using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

public sealed class TableLifecycleTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_an_existing_table_fails_in_create_mode_keeps_rows_in_exist_ok_mode_and_empties_it_in_overwrite_mode()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "modes");
        await repo.AddAsync([Note.Make(1), Note.Make(2)], cancellationToken: Ct);

        var exists = await Assert.ThrowsAsync<TableAlreadyExistsException>(() => repo.CreateTableAsync(CreateMode.Create, Ct));
        Assert.Equal(repo.TableName, exists.TableName);
        Assert.NotNull(exists.RequestId);

        await repo.CreateTableAsync(CreateMode.ExistOk, Ct);
        Assert.Equal(2, await repo.CountAsync(cancellationToken: Ct));

        await repo.CreateTableAsync(CreateMode.Overwrite, Ct);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task The_created_table_carries_the_generated_schema_and_embedding_metadata()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "schema");

        await repo.OpenAsync(Ct); // compares the described schema with the generated one

        using var http = new HttpClient { BaseAddress = fixture.Emulator.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/table/{repo.TableName}/describe/");
        request.Headers.Add("x-api-key", EmulatorFixture.ApiKey);
        request.Headers.Add("x-lancedb-database", db.Database);
        using var response = await http.SendAsync(request, Ct);
        var described = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("embedding_functions", described);
        Assert.Contains("vector_column", described);
        Assert.Contains(HashingEmbeddingGenerator.Name, described);
    }

    [Fact]
    public async Task Tables_are_listed_page_by_page_and_dropped()
    {
        using var db = await fixture.ConnectAsync(o => o.Uri = "db://listing" + Guid.NewGuid().ToString("N")[..8]);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var repo = new MapRepository<Note>(db, new RenamedMap<Note>(Note.LanceMap, $"list_{i}"));
            await repo.CreateTableAsync(CreateMode.Create, Ct);
            names.Add(repo.TableName);
        }

        var first = await db.ListTablesAsync(limit: 2, cancellationToken: Ct);
        Assert.Equal(["list_0", "list_1"], first.Tables);

        var all = new List<string>();
        await foreach (var name in db.ListAllTablesAsync(pageSize: 2, Ct))
        {
            all.Add(name);
        }

        Assert.Equal(names, all);

        await db.DropTableAsync("list_3", Ct);
        var after = await db.ListTablesAsync(cancellationToken: Ct);
        Assert.DoesNotContain("list_3", after.Tables);
    }

    [Fact]
    public async Task Operations_on_a_missing_table_fail_with_TableNotFoundException()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.Notes();

        var open = await Assert.ThrowsAsync<TableNotFoundException>(() => repo.OpenAsync(Ct));
        Assert.Equal(repo.TableName, open.TableName);
        await Assert.ThrowsAsync<TableNotFoundException>(() => repo.CountAsync(cancellationToken: Ct));
        await Assert.ThrowsAsync<TableNotFoundException>(() => repo.AddAsync([Note.Make(1)], cancellationToken: Ct));
        await Assert.ThrowsAsync<TableNotFoundException>(() => db.DropTableAsync(repo.TableName, Ct));
    }
}
