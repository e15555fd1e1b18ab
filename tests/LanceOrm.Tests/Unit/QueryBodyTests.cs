using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

/// <summary>The JSON bodies match the official client's shapes (protocol §5.4).</summary>
public sealed class QueryBodyTests
{
    private static NoteRepository Repository() =>
        new LanceDbConnection(new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") }, EmulatorFixture.NewRegistry()).Notes();

    private static async Task<JsonObject> Body(LanceQuery<Note> query) => JsonNode.Parse(await query.ToRequestJsonAsync(TestContext.Current.CancellationToken))!.AsObject();

    private static async Task<JsonObject> Body<TResult>(LanceQuery<Note, TResult> query) => JsonNode.Parse(await query.ToRequestJsonAsync(TestContext.Current.CancellationToken))!.AsObject();

    [Fact]
    public async Task A_plain_scan_sends_an_empty_vector_and_the_maximum_k()
    {
        var body = await Body(Repository().Query().Where(x => x.Year > 1));

        Assert.Equal(9223372036854775807L, body["k"]!.GetValue<long>());
        Assert.Empty(body["vector"]!.AsArray());
        Assert.True(body["prefilter"]!.GetValue<bool>());
        Assert.True(body.ContainsKey("version"));
        Assert.Null(body["version"]);
        Assert.Equal("`year` > 1", body["filter"]!.GetValue<string>());
        Assert.False(body.ContainsKey("nprobes"));
    }

    [Fact]
    public async Task A_text_search_embeds_locally_and_sends_the_vector_query_fields()
    {
        var body = await Body(Repository().Search(x => x.Body, "vector indexes").Limit(5).NProbes(7).RefineFactor(2).DistanceType(DistanceType.Cosine).Postfilter().WithRowId().Select(x => new { x.Title, x.Year }));

        var expected = HashingEmbeddingGenerator.Embed("vector indexes");
        Assert.Equal(expected.Select(v => (double)v), body["vector"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(5, body["k"]!.GetValue<int>());
        Assert.Equal(7, body["nprobes"]!.GetValue<int>());
        Assert.Equal(7, body["minimum_nprobes"]!.GetValue<int>());
        Assert.Equal(7, body["maximum_nprobes"]!.GetValue<int>());
        Assert.Equal(2, body["refine_factor"]!.GetValue<int>());
        Assert.Equal("cosine", body["distance_type"]!.GetValue<string>());
        Assert.Equal("vector", body["vector_column"]!.GetValue<string>());
        Assert.False(body["prefilter"]!.GetValue<bool>());
        Assert.True(body["with_row_id"]!.GetValue<bool>());
        Assert.Equal(["title", "year"], body["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        foreach (var key in new[] { "lower_bound", "upper_bound", "ef" })
        {
            Assert.True(body.ContainsKey(key));
        }
    }

    [Fact]
    public async Task A_vector_search_defaults_to_k_10_and_20_probes()
    {
        var body = await Body(Repository().Search(new float[32]));
        Assert.Equal(10, body["k"]!.GetValue<int>());
        Assert.Equal(20, body["nprobes"]!.GetValue<int>());
        Assert.Null(body["refine_factor"]);
    }

    [Fact]
    public async Task A_full_text_search_sends_the_legacy_shape()
    {
        var body = await Body(Repository().FullTextSearch("hello", x => x.Title));
        Assert.Equal("hello", body["full_text_query"]!["query"]!.GetValue<string>());
        Assert.Equal(["title"], body["full_text_query"]!["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(body["vector"]!.AsArray());
    }

    [Fact]
    public async Task Searching_a_property_without_Embed_is_refused()
    {
        var repo = Repository();
#pragma warning disable LANCE012 // the analyzer reports this at compile time; the runtime guard covers callers it cannot see
        var error = Assert.Throws<ArgumentException>(() => repo.Search(x => x.Title, "x"));
#pragma warning restore LANCE012
        Assert.Contains("Title", error.Message);
    }

    [Fact]
    public async Task Queries_are_immutable()
    {
        var repo = Repository();
        var baseQuery = repo.Query();
        _ = baseQuery.Where(x => x.Year > 1).Limit(3);
        var body = await Body(baseQuery);
        Assert.False(body.ContainsKey("filter"));
    }
}

/// <summary>Request shapes follow the server version the official client negotiates through <c>phalanx-version</c>.</summary>
public sealed class ServerVersionTests
{
    [Fact]
    public async Task A_server_announcing_0_3_0_gets_structured_full_text_queries()
    {
        var ct = TestContext.Current.CancellationToken;
        var network = new ScriptedHandler(_ =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"tables\":[]}") };
            response.Headers.TryAddWithoutValidation("phalanx-version", "0.3.1");
            return response;
        });
        using var db = new LanceDbConnection(new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") }, httpHandler: network);
        var notes = db.Notes();
        var legacy = JsonNode.Parse(await notes.FullTextSearch("hello", x => x.Title).ToRequestJsonAsync(ct))!;

        await db.ListTablesAsync(cancellationToken: ct);
        var structured = JsonNode.Parse(await notes.FullTextSearch("hello", x => x.Title).ToRequestJsonAsync(ct))!;

        Assert.Equal("hello", legacy["full_text_query"]!["query"]!.GetValue<string>());
        var match = structured["full_text_query"]!["query"]!["match"]!;
        Assert.Equal("hello", match["terms"]!.GetValue<string>());
        Assert.Equal("title", match["column"]!.GetValue<string>());
        Assert.Equal("Or", match["operator"]!.GetValue<string>());
    }
}
