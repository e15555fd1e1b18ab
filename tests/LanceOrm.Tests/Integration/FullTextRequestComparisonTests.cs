using System.Globalization;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Each kind of full-text search sends the official Node client's request for the same search (server 0.4.0, so the
/// structured <c>full_text_query</c>): recorded through the harness and compared method, path, query and JSON body.
/// </summary>
public sealed class FullTextRequestComparisonTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsQuery(WireRequest r) => r.Path.EndsWith("/query/", StringComparison.Ordinal);

    private static bool IsFullText(WireRequest r) => r.Json?["full_text_query"] is not null;

    /// <summary>Runs <paramref name="ours"/> on a fresh <c>indexed_docs</c> table and <paramref name="officialSearch"/> (JS, on <c>t</c>) with the official client; the last query requests are equal.</summary>
    private async Task SameDocsQueryAsync(Func<IndexedDocRepository, Task> ours, string officialSearch)
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var docs = await FullTextSearchTests.SeedDocsAsync(db);
        wire.Requests.Clear();
        await ours(docs);

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database, $"const t = await db.openTable('indexed_docs'); await {officialSearch}.toArray();", Ct);

        WireAssert.SameRequest(official.Last(IsQuery), wire.Requests.Select(WireRequest.From).Last(IsQuery));
    }

    [Fact]
    public async Task A_plain_search_on_one_column_sends_the_official_clients_match()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch("sourdough", x => x.Body).Limit(10).ToListAsync(Ct),
            "t.query().fullTextSearch('sourdough', { columns: ['body'] }).limit(10)");
    }

    [Fact]
    public async Task A_plain_search_over_every_indexed_column_sends_the_official_clients_match_without_column()
    {
        await SameDocsQueryAsync(docs => docs.FullTextSearch("sourdough").ToListAsync(Ct), "t.search('sourdough', 'fts')");
    }

    [Fact]
    public async Task Text_in_double_quotes_sends_the_official_clients_phrase()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch("\"neural network\"", x => x.Body).Limit(10).ToListAsync(Ct),
            "t.query().fullTextSearch('\"neural network\"', { columns: ['body'] }).limit(10)");
        await SameDocsQueryAsync(docs => docs.FullTextSearch("\"neural network\"").ToListAsync(Ct), "t.search('\"neural network\"', 'fts')");
    }

    [Fact]
    public async Task A_match_with_every_option_sends_the_official_clients_match()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdogh", fuzziness: 1, boost: 2.5f, @operator: FullTextOperator.And, prefixLength: 1, maxExpansions: 10)).ToListAsync(Ct),
            "t.search(new lancedb.MatchQuery('sourdogh', 'body', { fuzziness: 1, boost: 2.5, operator: lancedb.Operator.And, prefixLength: 1, maxExpansions: 10 }))");
    }

    [Fact]
    public async Task A_match_with_automatic_fuzziness_sends_null_as_the_official_client()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough", fuzziness: null, boost: 1.3f)).Limit(4).ToListAsync(Ct),
            "t.search(new lancedb.MatchQuery('sourdough', 'body', { fuzziness: null, boost: 1.3 })).limit(4)");
    }

    [Fact]
    public async Task A_phrase_with_slop_sends_the_official_clients_phrase()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "bread home", slop: 1)).Where(x => x.Year > 2000).ToListAsync(Ct),
            "t.search(new lancedb.PhraseQuery('bread home', 'body', { slop: 1 })).where('`year` > 2000')");
    }

    [Fact]
    public async Task A_boost_query_sends_the_official_clients_boost()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boost(FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector"), FullTextQuery<IndexedDoc>.Match(x => x.Body, "databases"), negativeBoost: 0.3f)).ToListAsync(Ct),
            "t.search(new lancedb.BoostQuery(new lancedb.MatchQuery('vector', 'body'), new lancedb.MatchQuery('databases', 'body'), { negativeBoost: 0.3 }))");
    }

    [Fact]
    public async Task A_boost_query_with_the_default_negative_boost_sends_the_official_clients_default()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boost(FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector"), FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "vector databases"))).ToListAsync(Ct),
            "t.search(new lancedb.BoostQuery(new lancedb.MatchQuery('vector', 'body'), new lancedb.PhraseQuery('vector databases', 'body')))");
    }

    [Fact]
    public async Task A_boolean_query_sends_the_official_clients_boolean()
    {
        await SameDocsQueryAsync(
            docs => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Boolean(
                (FullTextOccur.Should, FullTextQuery<IndexedDoc>.Match(x => x.Body, "vector")),
                (FullTextOccur.Must, FullTextQuery<IndexedDoc>.Match(x => x.Body, "work")),
                (FullTextOccur.MustNot, FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "vector databases")))).ToListAsync(Ct),
            "t.search(new lancedb.BooleanQuery([[lancedb.Occur.Should, new lancedb.MatchQuery('vector', 'body')], [lancedb.Occur.Must, new lancedb.MatchQuery('work', 'body')], [lancedb.Occur.MustNot, new lancedb.PhraseQuery('vector databases', 'body')]]))");
    }

    [Fact]
    public async Task Multi_column_searches_send_the_official_clients_multi_match()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var notes = await FullTextSearchTests.SeedNotesAsync(fixture, db);
        wire.Requests.Clear();
        await notes.FullTextSearch("vector", x => x.Title, x => x.Body).Limit(10).ToListAsync(Ct);
        await notes.FullTextSearch(FullTextQuery<Note>.MultiMatch("vector", [x => x.Title, x => x.Body], boosts: [2f, 0.3f])).ToListAsync(Ct);

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database, """
            const t = await db.openTable('notes');
            await t.query().fullTextSearch('vector', { columns: ['title', 'body'] }).limit(10).toArray();
            await t.search(new lancedb.MultiMatchQuery('vector', ['title', 'body'], { boosts: [2, 0.3] })).toArray();
            """, Ct);

        var theirs = official.Where(IsQuery).ToArray();
        var ours = wire.Requests.Select(WireRequest.From).Where(IsQuery).ToArray();
        Assert.Equal(2, ours.Length);
        WireAssert.SameRequest(theirs[^2], ours[0]);
        WireAssert.SameRequest(theirs[^1], ours[1]);
    }

    [Fact]
    public async Task Hybrid_searches_send_the_official_clients_full_text_and_vector_requests()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var docs = await FullTextSearchTests.SeedDocsAsync(db);
        wire.Requests.Clear();
        await docs.HybridSearch(x => x.Body, "vector embeddings", FullTextQuery<IndexedDoc>.Match(x => x.Body, "embedings", fuzziness: 1)).Limit(3).ToListAsync(Ct);
        await docs.HybridSearch(x => x.Body, "vector embeddings").Limit(4).ToListAsync(Ct);
        var vector = "[" + string.Join(",", HashingEmbeddingGenerator.Embed("vector embeddings").Select(v => ((double)v).ToString("R", CultureInfo.InvariantCulture))) + "]";

        var official = await OfficialClientRequests.RecordAsync(fixture.Emulator, db.Database, $$"""
            const t = await db.openTable('indexed_docs');
            await t.query().fullTextSearch(new lancedb.MatchQuery('embedings', 'body', { fuzziness: 1 })).nearestTo({{vector}}).column('vector').limit(3).toArray();
            await t.query().fullTextSearch('vector embeddings', { columns: ['body'] }).nearestTo({{vector}}).column('vector').limit(4).toArray();
            """, Ct);

        var theirs = official.Where(IsQuery).ToArray();
        var ours = wire.Requests.Select(WireRequest.From).Where(IsQuery).ToArray();
        Assert.Equal(4, ours.Length);
        Assert.Equal(4, theirs.Length);
        WireAssert.SameRequest(theirs.Take(2).Single(IsFullText), ours.Take(2).Single(IsFullText));
        WireAssert.SameRequest(theirs.Take(2).Single(r => !IsFullText(r)), ours.Take(2).Single(r => !IsFullText(r)));
        WireAssert.SameRequest(theirs.Skip(2).Single(IsFullText), ours.Skip(2).Single(IsFullText));
        WireAssert.SameRequest(theirs.Skip(2).Single(r => !IsFullText(r)), ours.Skip(2).Single(r => !IsFullText(r)));
    }
}
