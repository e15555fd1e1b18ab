using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary><c>CreateTableAsync(rows)</c>: schema and rows in one <c>create</c> request, the rest (if any) added after it.</summary>
public sealed class CreateWithDataTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_that_fit_in_one_request_create_the_table_with_them_in_one_request()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var repo = db.Notes();

        var result = await repo.CreateTableAsync(Enumerable.Range(0, 3).Select(i => Note.Make(i)).ToList(), cancellationToken: Ct);

        var create = Assert.Single(wire.Requests);
        Assert.Equal("/v1/table/notes/create/", create.Path);
        Assert.Equal("?mode=create", create.Query);
        Assert.Equal("application/vnd.apache.arrow.stream", create.ContentType);
        Assert.Equal(3, result.RowsSent);
        Assert.Equal(3, result.RowsInserted);
        Assert.Equal(3, result.VectorsComputed);
        Assert.Equal(3, await repo.CountAsync(cancellationToken: Ct));
        Assert.Equal(Note.Make(1).Title, (await repo.GetAsync(Note.Make(1).Id, Ct))?.Title);
    }

    [Fact]
    public async Task More_rows_than_one_request_holds_create_the_table_with_the_first_and_add_the_rest()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 100, handler: wire);
        var repo = db.Notes();

        var result = await repo.CreateTableAsync(Enumerable.Range(0, 250).Select(i => Note.Make(i)), CreateMode.Overwrite, cancellationToken: Ct);

        Assert.Equal(["/v1/table/notes/create/", "/v1/table/notes/merge_insert/", "/v1/table/notes/merge_insert/"], wire.Requests.Select(r => r.Path));
        Assert.Equal(250, result.RowsInserted);
        Assert.Equal(250, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task No_rows_create_an_empty_table()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.Notes();

        var result = await repo.CreateTableAsync(Array.Empty<Note>(), cancellationToken: Ct);

        Assert.Equal(0, result.RowsSent);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Creating_an_existing_table_with_rows_throws_TableAlreadyExists_and_writes_nothing()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.Notes();
        await repo.CreateTableAsync(CreateMode.Create, Ct);

        await Assert.ThrowsAsync<TableAlreadyExistsException>(() => repo.CreateTableAsync([Note.Make(1)], cancellationToken: Ct));

        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task ExistOk_with_rows_is_refused_before_anything_is_sent()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Notes().CreateTableAsync([Note.Make(1)], CreateMode.ExistOk, cancellationToken: Ct));

        Assert.Equal("mode", error.ParamName);
        Assert.Empty(wire.Requests);
    }
}
