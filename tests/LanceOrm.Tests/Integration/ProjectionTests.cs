using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// <c>Select</c> returns the projected type and fetches only the columns its selector reads; a query of the entity type
/// always returns complete entities.
/// </summary>
public sealed class ProjectionTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record TitleYear(string Title, int Year);

    public sealed class TitleAndTags
    {
        public string Title { get; init; } = "";
        public int TagCount { get; init; }
    }

    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Repo, RecordingHandler Wire)> SeededAsync()
    {
        var wire = new RecordingHandler();
        var db = await fixture.ConnectAsync(handler: wire);
        var repo = await fixture.NewTableAsync(db, "projection");
        await repo.AddAsync(Enumerable.Range(0, 12).Select(i => Note.Make(i)), cancellationToken: Ct);
        return (db, repo, wire);
    }

    private static string[] ColumnsSent(RecordingHandler wire)
    {
        var query = wire.Requests.Last(r => r.Path.EndsWith("/query/", StringComparison.Ordinal));
        var body = JsonNode.Parse(query.Body)!.AsObject();
        return body["columns"] is JsonArray columns ? columns.Select(c => c!.GetValue<string>()).ToArray() : [];
    }

    [Fact]
    public async Task An_anonymous_type_projection_returns_only_the_projected_values_and_fetches_only_their_columns()
    {
        var (db, repo, wire) = await SeededAsync();
        using var _ = db;

        var hits = await repo.Query().Where(x => x.Year >= 2020).Select(x => new { x.Title, x.Year }).ToListAsync(Ct);

        var expected = Enumerable.Range(0, 12).Select(i => Note.Make(i)).Where(n => n.Year >= 2020).Select(n => new { n.Title, n.Year });
        Assert.Equal(expected.OrderBy(e => e.Title), hits.Select(h => h.Entity).OrderBy(e => e.Title));
        Assert.Equal(["title", "year"], ColumnsSent(wire));
    }

    [Fact]
    public async Task A_constructor_projection_and_a_single_column_projection_return_their_own_types()
    {
        var (db, repo, wire) = await SeededAsync();
        using var _ = db;

        var records = await repo.Query().Select(x => new TitleYear(x.Title, x.Year)).Where(x => x.Id == "n000003").ToListAsync(Ct);
        Assert.Equal(new TitleYear("Title 3", Note.Make(3).Year), Assert.Single(records).Entity);
        Assert.Equal(["title", "year"], ColumnsSent(wire));

        var titles = await repo.Query().Select(x => x.Title).Limit(100).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Title {i}").Order(), titles.Select(h => h.Entity).Order());
        Assert.Equal(["title"], ColumnsSent(wire));
    }

    [Fact]
    public async Task A_member_init_projection_may_compute_from_mapped_columns()
    {
        var (db, repo, wire) = await SeededAsync();
        using var _ = db;

        var hits = await repo.Query().Where(x => x.Id == "n000004").Select(x => new TitleAndTags { Title = x.Title.ToUpperInvariant(), TagCount = x.Tags.Count }).ToListAsync(Ct);

        var hit = Assert.Single(hits).Entity;
        Assert.Equal("TITLE 4", hit.Title);
        Assert.Equal(2, hit.TagCount);
        Assert.Equal(["title", "tags"], ColumnsSent(wire));
    }

    [Fact]
    public async Task A_projected_search_keeps_its_scores_and_row_ids()
    {
        var (db, repo, _) = await SeededAsync();
        using var __ = db;

        var hits = await repo.Search(x => x.Body, Note.Make(5).Body).Select(x => new { x.Id }).WithRowId().Limit(3).ToListAsync(Ct);

        Assert.Equal(3, hits.Count);
        Assert.Equal("n000005", hits[0].Entity.Id);
        Assert.Equal(0f, hits[0].Distance!.Value, 3);
        Assert.All(hits, h => Assert.NotNull(h.RowId));
    }

    [Fact]
    public async Task An_entity_query_always_returns_complete_entities()
    {
        var (db, repo, wire) = await SeededAsync();
        using var _ = db;

        var hit = Assert.Single(await repo.Query().Where(x => x.Id == "n000004").ToListAsync(Ct)).Entity;

        var expected = Note.Make(4);
        Assert.Empty(ColumnsSent(wire));
        Assert.Equal(
            (expected.Title, expected.Body, expected.Year, expected.Category, expected.Published, expected.CreatedAt, expected.Day, expected.Rating),
            (hit.Title, hit.Body, hit.Year, hit.Category, hit.Published, hit.CreatedAt, hit.Day, hit.Rating));
        Assert.Equal(expected.Tags, hit.Tags);
        Assert.Equal(HashingEmbeddingGenerator.Embed(expected.Body), hit.Vector);
    }

    [Fact]
    public void A_projection_that_is_not_made_of_mapped_columns_is_refused_naming_what_is_wrong()
    {
        using var db = EmulatorFixture.Connect(fixture.Emulator);
        var query = db.Notes().Query();

        var whole = Assert.Throws<NotSupportedException>(() => query.Select(x => new { Note = x, x.Title }));
        Assert.Contains("new <>f__AnonymousType", whole.Message, StringComparison.Ordinal);
        Assert.Contains("uses the whole Note", whole.Message, StringComparison.Ordinal);

        var call = Assert.Throws<NotSupportedException>(() => query.Select(x => Describe(x)));
        Assert.Contains("Describe(x)", call.Message, StringComparison.Ordinal);

        var method = Assert.Throws<NotSupportedException>(() => query.Select(x => x.GetHashCode()));
        Assert.Contains("x.GetHashCode()", method.Message, StringComparison.Ordinal);

        var entity = Assert.Throws<NotSupportedException>(() => query.Select(x => new Note { Title = x.Title }));
        Assert.Contains("the entity type", entity.Message, StringComparison.Ordinal);

        var identity = Assert.Throws<NotSupportedException>(() => query.Select(x => x));
        Assert.Contains("the entity type", identity.Message, StringComparison.Ordinal);

        var unmapped = Assert.Throws<NotSupportedException>(() => new ProjectedThingRepository(db).Query().Select(x => new { x.Name, x.Display }));
        Assert.Contains("'x.Display' does not select a mapped column", unmapped.Message, StringComparison.Ordinal);

        var nothing = Assert.Throws<NotSupportedException>(() => query.Select(x => 42));
        Assert.Contains("reads no column", nothing.Message, StringComparison.Ordinal);
    }

    private static string Describe(Note note) => note.Title;
}

/// <summary>An entity with an ignored property, for the projection's errors.</summary>
[LanceTable("projected_things")]
public sealed partial class ProjectedThing
{
    [Key] public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    [Ignore] public string Display => Name.ToUpperInvariant();
}
