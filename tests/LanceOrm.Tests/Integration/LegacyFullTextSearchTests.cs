using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Against a server announcing no version (0.1.0): plain searches go in the legacy <c>{"columns", "query"}</c> shape and
/// work end to end; a query the legacy shape cannot say is refused before sending, naming the server version.
/// </summary>
public sealed class LegacyFullTextSearchTests(LegacyServerFixture legacy) : IClassFixture<LegacyServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] QueryBodies(RecordingHandler wire) =>
        wire.Requests.Where(r => r.Path.EndsWith("/query/", StringComparison.Ordinal)).Select(r => System.Text.Encoding.UTF8.GetString(r.Body!)).ToArray();

    [Fact]
    public async Task Plain_default_match_and_exact_phrase_searches_go_in_the_legacy_shape_and_find_their_rows()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(legacy.Emulator, handler: wire);
        var docs = await FullTextSearchTests.SeedDocsAsync(db);

        var plain = await docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct);
        var anyColumn = await docs.FullTextSearch("sourdough").ToListAsync(Ct);
        var match = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdough")).ToListAsync(Ct);
        var phrase = await docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "neural network")).ToListAsync(Ct);

        Assert.All(new[] { plain, anyColumn, match }, hits => Assert.Equal(SearchCorpus.Bodies[1], Assert.Single(hits).Entity.Body));
        Assert.Equal(SearchCorpus.Bodies[2], Assert.Single(phrase).Entity.Body);
        string[] expected =
        [
            """{"columns":["body"],"query":"sourdough"}""",
            """{"columns":[],"query":"sourdough"}""",
            """{"columns":["body"],"query":"sourdough"}""",
            """{"columns":["body"],"query":"\"neural network\""}""",
        ];
        var shapes = QueryBodies(wire).Select(b => JsonNode.Parse(b)!["full_text_query"]!).ToArray();
        Assert.Equal(expected.Length, shapes.Length);
        Assert.All(expected.Zip(shapes), p => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(p.First), p.Second), $"expected {p.First}, sent {p.Second.ToJsonString()}"));
    }

    [Fact]
    public async Task A_hybrid_search_runs_on_the_legacy_shape()
    {
        using var db = EmulatorFixture.Connect(legacy.Emulator);
        var docs = await FullTextSearchTests.SeedDocsAsync(db);

        var hits = await docs.HybridSearch(x => x.Body, "vector embeddings").Limit(3).ToListAsync(Ct);

        Assert.Equal(SearchCorpus.Bodies[3], hits[0].Entity.Body);
        Assert.All(hits, h => Assert.NotNull(h.RelevanceScore));
    }

    [Fact]
    public async Task A_query_the_legacy_shape_cannot_say_is_UnsupportedServerVersionException_and_nothing_is_sent()
    {
        var wire = new RecordingHandler();
        using var db = EmulatorFixture.Connect(legacy.Emulator, handler: wire);
        var docs = await FullTextSearchTests.SeedDocsAsync(db);

        var fuzzy = await Assert.ThrowsAsync<UnsupportedServerVersionException>(() => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Match(x => x.Body, "sourdogh", fuzziness: 1)).ToListAsync(Ct));
        var phrase = await Assert.ThrowsAsync<UnsupportedServerVersionException>(() => docs.FullTextSearch(FullTextQuery<IndexedDoc>.Phrase(x => x.Body, "bread home", slop: 1)).ToListAsync(Ct));

        Assert.Equal(new Version(0, 1, 0), fuzzy.ServerVersion);
        Assert.Equal(new Version(0, 3, 0), fuzzy.RequiredVersion);
        Assert.Contains("announces 0.1.0", fuzzy.Message, StringComparison.Ordinal);
        Assert.Contains("phalanx-version 0.3.0 or later", fuzzy.Message, StringComparison.Ordinal);
        Assert.Contains("a phrase with slop", phrase.Message, StringComparison.Ordinal);
        Assert.Empty(QueryBodies(wire));
    }
}
