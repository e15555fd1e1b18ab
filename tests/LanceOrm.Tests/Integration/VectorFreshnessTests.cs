using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// The vector rule: a stored vector always belongs to its row's current text. An entity read with its vector and written
/// back with another text gets the vector of the new text; an update of the text updates the vector; a vector the caller
/// assigns is written as given.
/// </summary>
public sealed class VectorFreshnessTests(EmulatorFixture fixture)
{
    private const string NewText = "quantum chromodynamics lattice gluon";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_text_changed_by_a_setter_after_reading_is_found_by_search_after_upsert()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await SeededNotesAsync(db);

        var note = (await repo.GetAsync("n000003", Ct))!;
        Assert.Equal(HashingEmbeddingGenerator.Embed(note.Body), note.Vector);
        note.Body = NewText;
        await repo.UpsertAsync([note], cancellationToken: Ct);

        await AssertFoundFirstAsync(repo.Search(x => x.Body, NewText).Limit(1), "n000003");
        Assert.Equal(HashingEmbeddingGenerator.Embed(NewText), (await repo.GetAsync("n000003", Ct))!.Vector);
    }

    [Fact]
    public async Task A_record_changed_with_a_with_expression_after_reading_is_found_by_search_after_upsert()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.Memos();
        await repo.CreateTableAsync(cancellationToken: Ct);
        await repo.UpsertAsync(Enumerable.Range(0, 20).Select(i => new Memo { Id = $"m{i}", Text = $"memo {i} about gardening and tomatoes" }), cancellationToken: Ct);

        var read = (await repo.GetAsync("m7", Ct))!;
        var changed = read with { Text = NewText };
        await repo.UpsertAsync([changed], cancellationToken: Ct);

        var hits = await repo.Search(x => x.Text, NewText).Limit(1).ToListAsync(Ct);
        Assert.Equal("m7", Assert.Single(hits).Entity.Id);
        Assert.Equal(HashingEmbeddingGenerator.Embed(NewText), (await repo.GetAsync("m7", Ct))!.Vector);
    }

    [Fact]
    public async Task An_unchanged_record_written_back_keeps_its_vector_and_so_does_the_original_after_a_with()
    {
        using var db = await fixture.ConnectAsync();
        var repo = db.Memos();
        await repo.CreateTableAsync(cancellationToken: Ct);
        await repo.UpsertAsync([new Memo { Id = "a", Text = "tomatoes" }, new Memo { Id = "b", Text = "cucumbers" }], cancellationToken: Ct);

        var a = (await repo.GetAsync("a", Ct))!;
        var b = a with { Id = "b", Text = "cucumbers and peppers" };
        await repo.UpsertAsync([a, b], cancellationToken: Ct);

        Assert.Equal(HashingEmbeddingGenerator.Embed("tomatoes"), (await repo.GetAsync("a", Ct))!.Vector);
        Assert.Equal(HashingEmbeddingGenerator.Embed("cucumbers and peppers"), (await repo.GetAsync("b", Ct))!.Vector);
    }

    [Fact]
    public async Task A_vector_the_caller_assigns_is_written_as_given_even_with_a_new_text()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await SeededNotesAsync(db);
        var mine = Enumerable.Range(0, HashingEmbeddingGenerator.Dimensions).Select(i => i % 2 == 0 ? 0.25f : -0.25f).ToArray();

        var fresh = Note.Make(100, "text with a vector of its own");
        fresh.Vector = mine;
        var read = (await repo.GetAsync("n000004", Ct))!;
        read.Body = NewText;
        read.Vector = (float[])mine.Clone();
        await repo.UpsertAsync([fresh, read], cancellationToken: Ct);

        Assert.Equal(mine, (await repo.GetAsync("n000100", Ct))!.Vector);
        Assert.Equal(mine, (await repo.GetAsync("n000004", Ct))!.Vector);
    }

    [Fact]
    public async Task A_vector_fetched_by_a_projection_without_its_text_is_written_as_given()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await SeededNotesAsync(db);

        var fetched = Assert.Single(await repo.Query().Where(x => x.Id == "n000002").Select(x => x.Vector).ToListAsync(Ct)).Entity!;
        var copy = Note.Make(200, "a text of its own");
        copy.Vector = fetched;
        await repo.UpsertAsync([copy], cancellationToken: Ct);

        Assert.Equal(HashingEmbeddingGenerator.Embed(Note.Make(2).Body), (await repo.GetAsync("n000200", Ct))!.Vector);
    }

    [Fact]
    public async Task Updating_an_embedded_text_writes_the_vector_of_the_new_text_to_every_matching_row()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await SeededNotesAsync(db);

        var updated = await repo.UpdateAsync(x => x.Id == "n000005" || x.Id == "n000006", set => set.Set(x => x.Body, NewText), Ct);

        Assert.Equal(2, updated);
        var hits = await repo.Search(x => x.Body, NewText).Limit(2).ToListAsync(Ct);
        Assert.Equal(["n000005", "n000006"], hits.Select(h => h.Entity.Id).Order());
        Assert.All(hits, h => Assert.Equal(HashingEmbeddingGenerator.Embed(NewText), h.Entity.Vector));
        Assert.Equal(HashingEmbeddingGenerator.Embed(Note.Make(7).Body), (await repo.GetAsync("n000007", Ct))!.Vector);
    }

    [Fact]
    public async Task Updating_an_embedded_text_with_server_side_sql_is_refused_before_anything_is_sent()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await SeededNotesAsync(db);

        // LANCE022 refuses this at compile time; the run-time refusal covers selectors the analyzer cannot see.
#pragma warning disable LANCE022
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => repo.UpdateAsync(x => x.Year > 0, set => set.SetSql(x => x.Body, "upper(body)"), Ct));
#pragma warning restore LANCE022

        Assert.Contains("set.Set(x => x.Body, newText)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Note.Make(1).Body, (await repo.GetAsync("n000001", Ct))!.Body);
    }

    private async Task<LanceRepository<Note, string>> SeededNotesAsync(LanceDbConnection db)
    {
        var repo = await fixture.NewTableAsync(db, "fresh");
        await repo.UpsertAsync(Enumerable.Range(0, 20).Select(i => Note.Make(i)), cancellationToken: Ct);
        return repo;
    }

    private static async Task AssertFoundFirstAsync(LanceQuery<Note> query, string id)
    {
        var hit = Assert.Single(await query.ToListAsync(Ct));
        Assert.Equal(id, hit.Entity.Id);
        Assert.Equal(0, hit.Distance!.Value, 3);
    }
}
