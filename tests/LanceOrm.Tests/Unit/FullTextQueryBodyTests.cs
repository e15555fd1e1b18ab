using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

/// <summary>
/// The <c>full_text_query</c> JSON of each query kind, as the official client sends it (emulator/docs/observed-client-requests.md):
/// structured from server 0.3.0, legacy before; and the arguments each factory refuses.
/// </summary>
public sealed class FullTextQueryBodyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A connection that has heard <paramref name="serverVersion"/> (or no version header) in a response.</summary>
    private static async Task<LanceDbConnection> ConnectedToAsync(string? serverVersion)
    {
        var network = new ScriptedHandler(_ =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"tables\":[]}") };
            if (serverVersion is not null)
            {
                response.Headers.TryAddWithoutValidation("phalanx-version", serverVersion);
            }

            return response;
        });
        var db = new LanceDbConnection(new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") }, EmulatorFixture.NewRegistry(), httpHandler: network);
        await db.ListTablesAsync(cancellationToken: Ct);
        return db;
    }

    private static async Task<JsonNode> FullTextQueryOf(LanceQuery<Note> query) =>
        JsonNode.Parse(await query.ToRequestJsonAsync(Ct))!["full_text_query"]!;

    private static async Task<JsonNode> Structured(Func<NoteRepository, LanceQuery<Note>> search)
    {
        using var db = await ConnectedToAsync("0.4.0");
        return (await FullTextQueryOf(search(db.Notes())))["query"]!;
    }

    private static void Same(string expectedJson, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"expected {expectedJson}\n got {actual.ToJsonString()}");

    [Fact]
    public async Task A_plain_search_is_a_match_on_its_column_or_with_a_null_column_or_a_multi_match()
    {
        Same("""{"match":{"boost":1.0,"column":"title","fuzziness":0,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"cats"}}""",
            await Structured(n => n.FullTextSearch("cats", x => x.Title)));
        Same("""{"match":{"boost":1.0,"column":null,"fuzziness":0,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"cats"}}""",
            await Structured(n => n.FullTextSearch("cats")));
        Same("""{"multi_match":{"boost":[1.0,1.0],"columns":["title","body"],"query":"cats"}}""",
            await Structured(n => n.FullTextSearch("cats", x => x.Title, x => x.Body)));
    }

    [Fact]
    public async Task A_match_carries_every_option_with_boosts_as_the_double_of_the_float()
    {
        Same("""{"match":{"boost":1.2999999523162842,"column":"body","fuzziness":2,"max_expansions":7,"operator":"And","prefix_length":3,"terms":"cats dogs"}}""",
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Match(x => x.Body, "cats dogs", fuzziness: 2, boost: 1.3f, @operator: FullTextOperator.And, prefixLength: 3, maxExpansions: 7))));
        Same("""{"match":{"boost":1.0,"column":"body","fuzziness":null,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"cats"}}""",
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Match(x => x.Body, "cats", fuzziness: null))));
    }

    [Fact]
    public async Task Phrase_boost_multi_match_and_boolean_have_the_official_shapes()
    {
        Same("""{"phrase":{"column":"title","slop":2,"terms":"cats dogs"}}""",
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Phrase(x => x.Title, "cats dogs", slop: 2))));
        Same("""
            {"boost":{"negative":{"match":{"boost":1.0,"column":"title","fuzziness":0,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"dogs"}},
                      "negative_boost":0.30000001192092896,
                      "positive":{"match":{"boost":1.0,"column":"title","fuzziness":0,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"cats"}}}}
            """,
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Boost(FullTextQuery<Note>.Match(x => x.Title, "cats"), FullTextQuery<Note>.Match(x => x.Title, "dogs"), 0.3f))));
        Same("""{"multi_match":{"boost":[2.0,0.5],"columns":["title","body"],"query":"cats"}}""",
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.MultiMatch("cats", [x => x.Title, x => x.Body], [2f, 0.5f]))));
        Same("""{"boolean":{"must":[{"phrase":{"column":"title","slop":0,"terms":"a b"}}],"must_not":[],"should":[{"phrase":{"column":"body","slop":0,"terms":"c"}}]}}""",
            await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Boolean((FullTextOccur.Should, FullTextQuery<Note>.Phrase(x => x.Body, "c")), (FullTextOccur.Must, FullTextQuery<Note>.Phrase(x => x.Title, "a b"))))));
    }

    [Fact]
    public async Task A_boost_query_defaults_to_the_official_negative_boost_of_one_half()
    {
        var boost = await Structured(n => n.FullTextSearch(FullTextQuery<Note>.Boost(FullTextQuery<Note>.Match(x => x.Title, "cats"), FullTextQuery<Note>.Match(x => x.Title, "dogs"))));
        Assert.Equal(0.5, boost["boost"]!["negative_boost"]!.GetValue<double>());
    }

    [Fact]
    public async Task Before_0_3_0_plain_matches_go_in_the_legacy_shape()
    {
        using var db = await ConnectedToAsync(null);
        var notes = db.Notes();

        Same("""{"columns":["title"],"query":"cats"}""", await FullTextQueryOf(notes.FullTextSearch(FullTextQuery<Note>.Match(x => x.Title, "cats"))));
        Same("""{"columns":[],"query":"cats"}""", await FullTextQueryOf(notes.FullTextSearch("cats")));
        Same("""{"columns":["title","body"],"query":"cats"}""", await FullTextQueryOf(notes.FullTextSearch(FullTextQuery<Note>.MultiMatch("cats", [x => x.Title, x => x.Body]))));
        Same("""{"columns":["title"],"query":"\"cats dogs\""}""", await FullTextQueryOf(notes.FullTextSearch(FullTextQuery<Note>.Phrase(x => x.Title, "cats dogs"))));
        Same("""{"columns":["title"],"query":"\"cats dogs\""}""", await FullTextQueryOf(notes.FullTextSearch("\"cats dogs\"", x => x.Title)));
    }

    [Fact]
    public async Task Text_in_double_quotes_is_a_phrase_as_the_official_client_reads_it()
    {
        Same("""{"phrase":{"column":"title","slop":0,"terms":"cats dogs"}}""", await Structured(n => n.FullTextSearch("\"cats dogs\"", x => x.Title)));
        Same("""{"phrase":{"column":null,"slop":0,"terms":"cats dogs"}}""", await Structured(n => n.FullTextSearch("\"cats dogs\"")));
        Same("""{"match":{"boost":1.0,"column":null,"fuzziness":0,"max_expansions":50,"operator":"Or","prefix_length":0,"terms":"\"cats dogs"}}""", await Structured(n => n.FullTextSearch("\"cats dogs")));
        using var db = await ConnectedToAsync("0.4.0");
        var error = Assert.Throws<ArgumentException>(() => db.Notes().FullTextSearch("\"cats dogs\"", x => x.Title, x => x.Body));
        Assert.Contains("not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_0_3_0_what_the_legacy_shape_cannot_say_is_UnsupportedServerVersionException_naming_the_versions()
    {
        using var db = await ConnectedToAsync("0.2.5");
        var notes = db.Notes();

        var fuzzy = await Assert.ThrowsAsync<UnsupportedServerVersionException>(() => notes.FullTextSearch(FullTextQuery<Note>.Match(x => x.Title, "cats", fuzziness: 1)).ToRequestJsonAsync(Ct));
        var boosted = await Assert.ThrowsAsync<UnsupportedServerVersionException>(() => notes.FullTextSearch(FullTextQuery<Note>.MultiMatch("cats", [x => x.Title, x => x.Body], [2f, 1f])).ToRequestJsonAsync(Ct));
        await Assert.ThrowsAsync<UnsupportedServerVersionException>(() => notes.FullTextSearch(FullTextQuery<Note>.Boolean((FullTextOccur.Must, FullTextQuery<Note>.Match(x => x.Title, "cats")))).ToRequestJsonAsync(Ct));

        Assert.Equal(new Version(0, 2, 5), fuzzy.ServerVersion);
        Assert.Equal(new Version(0, 3, 0), fuzzy.RequiredVersion);
        Assert.Contains("table 'notes'", fuzzy.Message, StringComparison.Ordinal);
        Assert.Contains("announces 0.2.5", fuzzy.Message, StringComparison.Ordinal);
        Assert.Contains("a multi-match with column boosts", boosted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factories_refuse_out_of_range_arguments_naming_them()
    {
        Assert.Equal("fuzziness", Assert.Throws<ArgumentOutOfRangeException>(() => FullTextQuery<Note>.Match(x => x.Title, "a", fuzziness: -1)).ParamName);
        Assert.Equal("boost", Assert.Throws<ArgumentOutOfRangeException>(() => FullTextQuery<Note>.Match(x => x.Title, "a", boost: float.NaN)).ParamName);
        Assert.Equal("operator", Assert.Throws<ArgumentOutOfRangeException>(() => FullTextQuery<Note>.Match(x => x.Title, "a", @operator: (FullTextOperator)7)).ParamName);
        Assert.Equal("slop", Assert.Throws<ArgumentOutOfRangeException>(() => FullTextQuery<Note>.Phrase(x => x.Title, "a b", slop: -1)).ParamName);
        Assert.Equal("negativeBoost", Assert.Throws<ArgumentOutOfRangeException>(() => FullTextQuery<Note>.Boost(FullTextQuery<Note>.Match(x => x.Title, "a"), FullTextQuery<Note>.Match(x => x.Title, "b"), -0.5f)).ParamName);
        Assert.Equal("boosts", Assert.Throws<ArgumentException>(() => FullTextQuery<Note>.MultiMatch("a", [x => x.Title, x => x.Body], [1f])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => FullTextQuery<Note>.MultiMatch("a", [])).ParamName);
        Assert.Equal("clauses", Assert.Throws<ArgumentException>(() => FullTextQuery<Note>.Boolean()).ParamName);
    }

    [Fact]
    public void A_property_that_is_not_a_mapped_column_is_refused_when_the_search_is_built()
    {
        var notes = new LanceDbConnection(new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") }, EmulatorFixture.NewRegistry()).Notes();

        var error = Assert.Throws<NotSupportedException>(() => notes.FullTextSearch(FullTextQuery<Note>.Match(x => x.Title.ToUpperInvariant(), "a")));

        Assert.Contains("does not select a mapped column of Note", error.Message, StringComparison.Ordinal);
    }
}
