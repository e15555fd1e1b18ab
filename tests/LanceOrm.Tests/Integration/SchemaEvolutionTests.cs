using LanceOrm.Protocol;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// The schema evolution calls (add columns from SQL, alter, drop): what they do to the table, the typed refusals of bad
/// input before anything is sent, the schema check they renew, and their requests equal the official client's.
/// </summary>
public sealed class SchemaEvolutionTests(EmulatorFixture fixture)
{
    private const int Rows = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<LanceRepository<BookV1, string>> BooksAsync(LanceDbConnection db)
    {
        var books = db.BookV1s();
        await books.CreateTableAsync(CreateMode.Create, Ct);
        await books.AddAsync(Enumerable.Range(0, Rows).Select(BookV1.Make).ToArray(), cancellationToken: Ct);
        return books;
    }

    private static async Task<Dictionary<string, TableColumn>> ColumnsAsync<T>(LanceRepository<T, string> repo) =>
        TableColumn.Parse((await repo.Table.DescribeAsync(Ct)).Schema).ToDictionary(c => c.Name);

    private static bool SentSchemaChange(RecordingHandler wire) => wire.Requests.Any(r => r.Path.EndsWith("_columns/", StringComparison.Ordinal));

    [Fact]
    public async Task AddColumnsAsync_computes_each_new_column_from_its_sql_expression_for_every_row()
    {
        using var db = await fixture.ConnectAsync();
        var books = await BooksAsync(db);

        var version = await books.AddColumnsAsync([new LanceNewColumn("decade", "year / 10 * 10"), new LanceNewColumn("label", "concat(shelf, '-', id)")], Ct);

        Assert.True(version > 0);
        // DataFusion types integer arithmetic with a literal as int64.
        var columns = await ColumnsAsync(books);
        Assert.Equal(("int64", "string"), (columns["decade"].Type, columns["label"].Type));
        Assert.Equal(10, await books.Table.CountRowsAsync("decade = 2000", Ct));
        Assert.Equal(1, await books.Table.CountRowsAsync("label = 'S3-b007'", Ct));
        await books.OpenAsync(Ct); // columns the entity does not map are no mismatch
    }

    [Fact]
    public async Task AlterColumnsAsync_renames_relaxes_and_casts_within_a_type_family()
    {
        using var db = await fixture.ConnectAsync();
        var books = await BooksAsync(db);

        await books.AlterColumnsAsync(
        [
            new LanceColumnAlteration("year") { DataType = LanceColumnType.Int64, Nullable = true },
            new LanceColumnAlteration("shelf") { Rename = "location" },
            new LanceColumnAlteration("vector") { DataType = LanceColumnType.HalfVector(HashingEmbeddingGenerator.Dimensions) },
        ], Ct);

        var columns = await ColumnsAsync(books);
        Assert.Equal(("int64", true), (columns["year"].Type, columns["year"].IsNullable));
        Assert.False(columns.ContainsKey("shelf"));
        Assert.Equal("string", columns["location"].Type);
        Assert.Equal("fixed_size_list<halffloat>[32]", columns["vector"].Type);
        var renamed = db.BookRenamedShelfs();
        var rows = (await renamed.Query().Limit(1000).ToListAsync(Ct)).ToDictionary(h => h.Entity.Id, h => h.Entity);
        Assert.Equal((2007L, "S1"), (rows["b017"].Year, rows["b017"].Location));
    }

    [Fact]
    public async Task DropColumnsAsync_removes_the_columns_and_the_next_write_checks_the_entity_against_the_new_schema()
    {
        using var db = await fixture.ConnectAsync();
        var books = await BooksAsync(db); // validated by its writes

        await books.DropColumnsAsync(["shelf"], Ct);

        Assert.False((await ColumnsAsync(books)).ContainsKey("shelf"));
        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => books.UpsertAsync([BookV1.Make(99)], cancellationToken: Ct));
        Assert.Equal((SchemaDifferenceKind.MissingColumn, "shelf"), (Assert.Single(error.Differences).Kind, error.Differences[0].Column));
        Assert.Equal(Rows, await books.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Unknown_columns_are_refused_by_name_before_anything_is_sent()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var books = await BooksAsync(db);

        var alter = await Assert.ThrowsAsync<ColumnNotFoundException>(() => books.AlterColumnsAsync([new LanceColumnAlteration("pages") { Nullable = true }], Ct));
        var drop = await Assert.ThrowsAsync<ColumnNotFoundException>(() => books.DropColumnsAsync(["shelf", "pages", "isbn"], Ct));

        Assert.Equal(["pages"], alter.Columns);
        Assert.Equal(["pages", "isbn"], drop.Columns);
        Assert.Equal("Table 'books' has no column 'pages', 'isbn'; nothing was changed.", drop.Message);
        Assert.False(SentSchemaChange(wire));
        Assert.True((await ColumnsAsync(books)).ContainsKey("shelf"));
    }

    [Fact]
    public async Task Names_the_table_already_has_are_refused_for_new_and_renamed_columns()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var books = await BooksAsync(db);

        var add = await Assert.ThrowsAsync<ColumnAlreadyExistsException>(() => books.AddColumnsAsync([new LanceNewColumn("decade", "year / 10"), new LanceNewColumn("year", "1")], Ct));
        var rename = await Assert.ThrowsAsync<ColumnAlreadyExistsException>(() => books.AlterColumnsAsync([new LanceColumnAlteration("shelf") { Rename = "title" }], Ct));

        Assert.Equal(["year"], add.Columns);
        Assert.Equal(["title"], rename.Columns);
        Assert.False(SentSchemaChange(wire));
    }

    [Fact]
    public async Task Empty_blank_repeated_or_idle_requests_are_argument_errors()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var books = db.BookV1s();

        await Assert.ThrowsAsync<ArgumentException>(() => books.AddColumnsAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.AddColumnsAsync([new LanceNewColumn("x", " ")], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.AddColumnsAsync([new LanceNewColumn("x", "1"), new LanceNewColumn("x", "2")], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.AlterColumnsAsync([new LanceColumnAlteration("year")], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.AlterColumnsAsync([new LanceColumnAlteration("year") { Rename = "" }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.DropColumnsAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => books.DropColumnsAsync(["shelf", "shelf"], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => books.DropColumnsAsync(null!, Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => LanceColumnType.Vector(0));
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task A_cast_across_type_families_is_rejected_by_the_server_and_changes_nothing()
    {
        using var db = await fixture.ConnectAsync();
        var books = await BooksAsync(db);

        await Assert.ThrowsAsync<InvalidRequestException>(() => books.AlterColumnsAsync([new LanceColumnAlteration("year") { DataType = LanceColumnType.String }], Ct));

        Assert.Equal("int32", (await ColumnsAsync(books))["year"].Type);
        await books.OpenAsync(Ct);
    }

    [Fact]
    public async Task Adding_altering_and_dropping_columns_send_the_official_clients_requests()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var books = await BooksAsync(db);
        using var other = await fixture.ConnectAsync();
        await BooksAsync(other);

        await books.AddColumnsAsync([new LanceNewColumn("decade", "year / 10 * 10"), new LanceNewColumn("none", "arrow_cast(NULL, 'Int32')")], Ct);
        await books.AlterColumnsAsync([new LanceColumnAlteration("year") { DataType = LanceColumnType.Int64, Nullable = true }, new LanceColumnAlteration("shelf") { Rename = "location" }], Ct);
        await books.DropColumnsAsync(["decade", "none"], Ct);
        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, other.Database, """
            const t = await db.openTable('books');
            await t.addColumns([{ name: 'decade', valueSql: 'year / 10 * 10' }, { name: 'none', valueSql: "arrow_cast(NULL, 'Int32')" }]);
            await t.alterColumns([{ path: 'year', dataType: 'int64', nullable: true }, { path: 'shelf', rename: 'location' }]);
            await t.dropColumns(['decade', 'none']);
            """, Ct);

        var ours = wire.Requests.Select(WireRequest.From).ToArray();
        foreach (var route in new[] { "/add_columns/", "/alter_columns/", "/drop_columns/" })
        {
            WireAssert.SameRequest(WireAssert.Single(official, route), WireAssert.Single(ours, route));
        }
    }
}
