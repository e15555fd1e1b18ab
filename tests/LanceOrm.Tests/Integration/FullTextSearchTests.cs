using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Structured full-text search against the emulator announcing its default server version (0.4.0, so structured
/// <c>full_text_query</c> bodies): match with fuzziness, operator and boost, phrase, boost, multi-match, boolean, and
/// hybrid search with a structured full-text side, all answered by the real engine.
/// </summary>
public sealed class FullTextSearchTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Bodies = SearchCorpus.Bodies;

    /// <summary>A fresh <c>indexed_docs</c> table (its body has a full-text index with positions) with the bodies above and filler rows.</summary>
    internal static async Task<IndexedDocRepository> SeedDocsAsync(LanceDbConnection db)
    {
        var docs = db.IndexedDocs();
        await docs.CreateTableAsync(cancellationToken: Ct);
        await docs.AddAsync(Enumerable.Range(0, 40).Select(i => IndexedDoc.Make(i, i < Bodies.Length ? Bodies[i] : $"filler row {i} about nothing much")), cancellationToken: Ct);
        await docs.CreateDeclaredIndicesAsync(TimeSpan.FromSeconds(30), Ct);
        return docs;
    }

    /// <summary>A fresh <c>notes</c> table whose title and body both have full-text indices.</summary>
    internal static async Task<LanceRepository<Note, string>> SeedNotesAsync(EmulatorFixture fixture, LanceDbConnection db)
    {
        var notes = await fixture.NewTableAsync(db, "fts");
        await notes.AddAsync(Bodies.Select((b, i) => { var n = Note.Make(i, b); n.Title = i % 2 == 0 ? "vector notes" : "kitchen notes"; return n; }), cancellationToken: Ct);
        await notes.CreateFullTextIndexAsync(x => x.Title, cancellationToken: Ct);
        await notes.CreateFullTextIndexAsync(x => x.Body, cancellationToken: Ct);
        return notes;
    }

    private static string[] BodiesOf<T>(IEnumerable<SearchHit<T>> hits, Func<T, string> body) => hits.Select(h => body(h.Entity)).ToArray();

    [Fact]
    public async Task A_fuzzy_match_finds_a_misspelled_term_that_an_exact_match_misses()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var fuzzy = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdogh", fuzziness: 1)).ToListAsync(Ct);
        var exact = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdogh")).ToListAsync(Ct);

        Assert.Equal([Bodies[1]], BodiesOf(fuzzy, d => d.Body));
        Assert.Empty(exact);
    }

    [Fact]
    public async Task Match_with_the_And_operator_requires_every_term()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var any = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector embeddings")).ToListAsync(Ct);
        var all = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector embeddings", @operator: FullTextOperator.And)).ToListAsync(Ct);

        Assert.Equal([Bodies[0], Bodies[3]], BodiesOf(any, d => d.Body).Order());
        Assert.Equal([Bodies[3]], BodiesOf(all, d => d.Body));
    }

    [Fact]
    public async Task A_match_boost_multiplies_the_score()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var plain = Assert.Single(await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough")).ToListAsync(Ct));
        var boosted = Assert.Single(await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough", boost: 3f)).ToListAsync(Ct));

        Assert.Equal(3 * plain.Score!.Value, boosted.Score!.Value, 3 * plain.Score.Value * 1e-5);
    }

    [Fact]
    public async Task A_phrase_matches_the_words_in_order_and_slop_allows_words_between_them()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var adjacent = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "neural network")).ToListAsync(Ct);
        var reversed = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "network neural")).ToListAsync(Ct);
        var gapped = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "bread home")).ToListAsync(Ct);
        var slop = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "bread home", slop: 1)).ToListAsync(Ct);

        Assert.Equal([Bodies[2]], BodiesOf(adjacent, d => d.Body));
        Assert.Empty(reversed);
        Assert.Empty(gapped);
        Assert.Equal([Bodies[1]], BodiesOf(slop, d => d.Body));
    }

    [Fact]
    public async Task A_boost_query_ranks_rows_that_also_match_the_negative_query_lower()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);
        var vector = FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector");

        var plain = await docs.FullTextSearch(vector).ToListAsync(Ct);
        var demoted = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boost(vector, FullTextQuery<IndexedDoc>.Match(x => x.Body, "databases"), negativeBoost: 0.1f)).ToListAsync(Ct);

        float ScoreOf(IReadOnlyList<SearchHit<IndexedDoc>> hits, int body) => hits.Single(h => h.Entity.Body == Bodies[body]).Score!.Value;
        Assert.Equal([Bodies[0], Bodies[3]], BodiesOf(plain, d => d.Body).Order());
        Assert.Equal([Bodies[0], Bodies[3]], BodiesOf(demoted, d => d.Body).Order());
        Assert.True(ScoreOf(demoted, 3) < ScoreOf(plain, 3), "the row that also says 'databases' is demoted");
        Assert.Equal(ScoreOf(plain, 0), ScoreOf(demoted, 0), 1e-4f); // the other keeps its score
    }

    [Fact]
    public async Task A_multi_match_searches_several_columns_and_weighs_each_by_its_boost()
    {
        using var db = await fixture.ConnectAsync();
        var notes = await SeedNotesAsync(fixture, db);

        var hits = await notes.FullTextSearch(FullTextQuery<Note>.MultiMatch("vector", [x => x.Title, x => x.Body])).ToListAsync(Ct);
        var bodyHeavy = await notes.FullTextSearch(FullTextQuery<Note>.MultiMatch("vector", [x => x.Title, x => x.Body], boosts: [0f, 1f])).ToListAsync(Ct);

        // Titles "vector notes" are on the even rows; bodies 0 and 3 say "vector": rows 0, 2, 3, 4.
        Assert.Equal(["n000000", "n000002", "n000003", "n000004"], hits.Select(h => h.Entity.Id).Order());
        Assert.Equal(["n000000", "n000003"], bodyHeavy.Where(h => h.Score > 0).Select(h => h.Entity.Id).Order());
    }

    [Fact]
    public async Task A_boolean_query_requires_must_clauses_and_excludes_must_not_clauses()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var hits = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boolean(
            (FullTextOccur.Should, FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector")),
            (FullTextOccur.Should, FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough")),
            (FullTextOccur.MustNot, FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "vector databases")))).ToListAsync(Ct);

        Assert.Equal([Bodies[1], Bodies[0]], BodiesOf(hits, d => d.Body).Order()); // sorted: "baking …", "how …"
    }

    [Fact]
    public async Task A_hybrid_search_with_a_structured_full_text_side_fuses_both_result_lists()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var hits = await docs.HybridSearch(x => x.Body, "vector embeddings", FullTextQuery<IndexedDoc>.Match(x => x.Body, "storr", fuzziness: 1)).Limit(3).ToListAsync(Ct);

        Assert.Equal(3, hits.Count);
        Assert.Equal(Bodies[3], hits[0].Entity.Body); // the only row both the vector and the fuzzy text search ("store") find
        Assert.NotNull(hits[0].Score);
        Assert.All(hits, h => Assert.NotNull(h.RelevanceScore));
    }

    [Fact]
    public async Task Full_text_searches_send_the_structured_shape_to_a_server_announcing_0_4_0()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var docs = await SeedDocsAsync(db);

        await docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct);
        await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "neural network", slop: 1)).ToListAsync(Ct);

        var bodies = wire.Requests.Where(r => r.Path.EndsWith("/query/", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body!)!["full_text_query"]!["query"]!).ToArray();
        Assert.Equal("body", bodies[0]["match"]!["column"]!.GetValue<string>());
        Assert.Equal("sourdough", bodies[0]["match"]!["terms"]!.GetValue<string>());
        Assert.Equal(1, bodies[1]["phrase"]!["slop"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_structured_query_on_a_column_without_a_full_text_index_is_IndexNotFoundException_naming_it()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);

        var error = await Assert.ThrowsAsync<IndexNotFoundException>(() =>
            docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boost(FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector"), FullTextQuery<IndexedDoc>.Match(x => x.Category, "news"))).ToListAsync(Ct));

        Assert.Equal(["category"], error.Columns);
        Assert.Contains("'Category'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_answers_a_structured_full_text_search_with_the_rows_and_index_of_its_version()
    {
        using var db = await fixture.ConnectAsync();
        var docs = await SeedDocsAsync(db);
        var before = await docs.GetVersionAsync(Ct);
        await docs.AddAsync([IndexedDoc.Make(100, "a sourdough starter for bread")], cancellationToken: Ct);
        await docs.CreateFullTextIndexAsync(x => x.Body, "body_idx", Ct); // the latest version's index covers the new row

        var snapshot = await docs.AtVersionAsync(before, Ct);
        var query = FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough");
        var old = await snapshot.FullTextSearch(query).ToListAsync(Ct);
        var latest = await docs.FullTextSearch(query).ToListAsync(Ct);

        Assert.Equal([Bodies[1]], BodiesOf(old, d => d.Body));
        Assert.Equal(["a sourdough starter for bread", Bodies[1]], BodiesOf(latest, d => d.Body).Order());
    }
}
