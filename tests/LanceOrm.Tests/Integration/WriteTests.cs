using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

public sealed class WriteTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_inserts_new_keys_and_replaces_existing_rows()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "upsert");
        await repo.UpsertAsync(Enumerable.Range(0, 5).Select(i => Note.Make(i)), cancellationToken: Ct);

        var changed = Note.Make(2);
        changed.Title = "changed";
        var result = await repo.UpsertAsync([changed, Note.Make(7)], cancellationToken: Ct);

        Assert.Equal(1, result.RowsInserted);
        Assert.Equal(1, result.RowsUpdated);
        Assert.Equal(6, await repo.CountAsync(cancellationToken: Ct));
        Assert.Equal("changed", (await repo.GetAsync("n000002", Ct))!.Title);
    }

    [Fact]
    public async Task Add_inserts_only_keys_that_are_not_there_yet_so_replaying_it_adds_nothing()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "add");
        var rows = Enumerable.Range(0, 20).Select(i => Note.Make(i)).ToArray();

        var first = await repo.AddAsync(rows, cancellationToken: Ct);
        var replay = await repo.AddAsync(rows, cancellationToken: Ct);

        Assert.Equal(20, first.RowsInserted);
        Assert.Equal(0, replay.RowsInserted);
        Assert.Equal(0, replay.RowsUpdated);
        Assert.Equal(20, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Writes_accept_async_streams_in_batches_and_report_progress()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 40);
        var repo = await fixture.NewTableAsync(db, "stream");
        var reports = new List<WriteProgress>();

        var result = await repo.UpsertAsync(Rows(100), new SynchronousProgress(reports.Add), Ct);

        Assert.Equal(100, result.RowsSent);
        Assert.Equal([40L, 80L, 100L], reports.Select(r => r.RowsWritten));
        Assert.Equal([1, 2, 3], reports.Select(r => r.Batches));
        Assert.Equal(100, await repo.CountAsync(cancellationToken: Ct));

        static async IAsyncEnumerable<Note> Rows(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return Note.Make(i);
            }
        }
    }

    [Fact]
    public async Task Only_rows_without_a_vector_are_embedded_and_given_vectors_are_stored_as_is()
    {
        var generator = new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions);
        var registry = new Embeddings.EmbeddingRegistry().Register(HashingEmbeddingGenerator.Name, generator, HashingEmbeddingGenerator.Dimensions);
        using var db = await fixture.ConnectAsync(registry: registry);
        var repo = await fixture.NewTableAsync(db, "embed");
        var own = Enumerable.Range(0, 32).Select(i => i == 3 ? 1f : 0f).ToArray();
        var carrying = Note.Make(1);
        carrying.Vector = own;

        var result = await repo.AddAsync([carrying, Note.Make(2), Note.Make(3)], cancellationToken: Ct);

        Assert.Equal(2, result.VectorsComputed);
        Assert.Equal(1, result.VectorsSupplied);
        Assert.Equal(0, result.VectorsFromCache);
        Assert.Equal(1, generator.Calls);
        Assert.Equal(own, (await repo.GetAsync("n000001", Ct))!.Vector);
        Assert.Equal(HashingEmbeddingGenerator.Embed(Note.Make(2).Body), (await repo.GetAsync("n000002", Ct))!.Vector);
    }

    [Fact]
    public async Task A_row_whose_vector_has_the_wrong_dimension_is_refused_before_anything_is_written()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "baddim");
        var bad = Note.Make(9);
        bad.Vector = new float[5];

        var error = await Assert.ThrowsAsync<InvalidRowException>(() => repo.AddAsync([Note.Make(1), bad], cancellationToken: Ct));

        Assert.Contains("n000009", error.Message);
        Assert.Equal(1, error.RowIndex);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task An_unregistered_embedding_function_is_named_in_the_error()
    {
        using var db = await fixture.ConnectAsync(registry: new Embeddings.EmbeddingRegistry());
        var repo = await fixture.NewTableAsync(db, "noemb");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => repo.AddAsync([Note.Make(1)], cancellationToken: Ct));

        Assert.Contains(HashingEmbeddingGenerator.Name, error.Message);
    }

    [Fact]
    public async Task Get_count_update_and_delete_work_by_key_and_filter()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "crud");
        await repo.AddAsync(Enumerable.Range(0, 30).Select(i => Note.Make(i)), cancellationToken: Ct);

        var got = await repo.GetAsync("n000004", Ct);
        Assert.NotNull(got);
        Assert.Equal(Note.Make(4).Title, got.Title);
        Assert.Equal(Note.Make(4).CreatedAt, got.CreatedAt);
        Assert.Equal(Note.Make(4).Day, got.Day);
        Assert.Equal(Note.Make(4).Category, got.Category);
        Assert.Null(await repo.GetAsync("absent", Ct));

        Assert.Equal(10, await repo.CountAsync(x => x.Category == Category.News, Ct));

        var updated = await repo.UpdateAsync(x => x.Category == Category.News, set => set.Set(x => x.Title, "it's news").Set(x => x.Rating, null), Ct);
        Assert.Equal(10, updated);
        Assert.Equal(10, await repo.CountAsync(x => x.Title == "it's news" && x.Rating == null, Ct));

        await repo.UpdateAsync(x => x.Id == "n000001", set => set.SetSql(x => x.Year, "year + 100"), Ct);
        Assert.Equal(Note.Make(1).Year + 100, (await repo.GetAsync("n000001", Ct))!.Year);

        await repo.DeleteAsync(x => x.Year < 2018, Ct);
        Assert.Equal(0, await repo.CountAsync(x => x.Year < 2018, Ct));
        Assert.Equal(30 - Enumerable.Range(0, 30).Count(i => Note.Make(i).Year < 2018 && i != 1), await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_nullable_column_that_is_null_in_every_row_of_a_batch_round_trips()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.FilterRows();
        await repo.CreateTableAsync(cancellationToken: Ct);
        var rows = Enumerable.Range(0, 5).Select(i => new FilterRow { Id = i, Text = $"row {i}" }).ToArray();

        await repo.AddAsync(rows, cancellationToken: Ct);

        var read = await repo.Query().ToListAsync(Ct);
        Assert.Equal(5, read.Count);
        Assert.All(read, hit => Assert.Null(hit.Entity.OptionalFlag));
        Assert.All(read, hit => Assert.Null(hit.Entity.Rank));
        Assert.All(read, hit => Assert.Null(hit.Entity.Note));
    }

    private sealed class SynchronousProgress(Action<WriteProgress> report) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => report(value);
    }
}
