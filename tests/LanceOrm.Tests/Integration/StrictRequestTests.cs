using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// LanceOrm's requests keep the rules LanceDB Cloud enforces and the strict emulator pins (emulator README
/// "Strictness"): JSON bodies labelled <c>application/json</c>, uploads <c>application/vnd.apache.arrow.stream</c>,
/// no body only where the official client sends none, and every query with an integer <c>k</c> and a <c>vector</c> array.
/// </summary>
public sealed class StrictRequestTests(EmulatorFixture fixture)
{
    private const string JsonType = "application/json";
    private const string ArrowStreamType = "application/vnd.apache.arrow.stream";
    private static readonly string[] UploadActions = ["create", "insert", "merge_insert"];
    private static readonly string[] BodilessActions = ["describe", "drop", "version/list", "stats"];
    private static readonly string[] DistanceNames = ["l2", "cosine", "dot", "hamming"];
    private static readonly string[] QueryFlags = ["prefilter", "with_row_id", "fast_search", "bypass_vector_index"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every kind of request LanceOrm sends: table life cycle, writes, indices, every query shape.</summary>
    private async Task<RecordingHandler.Recorded[]> RecordEveryKindOfRequestAsync()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var docs = db.IndexedDocs();
        await docs.CreateTableAsync(cancellationToken: Ct);
        await docs.OpenAsync(Ct);
        await docs.AddAsync(Enumerable.Range(0, 40).Select(i => IndexedDoc.Make(i, $"row {i} about sourdough and vectors")), cancellationToken: Ct);
        await docs.UpsertAsync([IndexedDoc.Make(1, "sourdough starter")], cancellationToken: Ct);
        await docs.UpdateAsync(x => x.Id == "d0002", set => set.Set(x => x.Year, 1999), Ct);
        await docs.DeleteAsync(x => x.Id == "d0003", Ct);
        await docs.CountAsync(cancellationToken: Ct);
        await docs.CountAsync(x => x.Year > 2005, Ct);
        await docs.GetAsync("d0001", Ct);
        await docs.CreateDeclaredIndicesAsync(TimeSpan.FromSeconds(30), Ct);
        await docs.ListIndicesAsync(Ct);
        await docs.Query().ToListAsync(Ct);
        await docs.Query().Where(x => x.Year < 2010).Offset(1).Limit(5).ToListAsync(Ct);
        await docs.Search(x => x.Body, "sourdough").DistanceType(DistanceType.Cosine).NProbes(2).RefineFactor(2).WithRowId().FastSearch().Postfilter().Limit(3).ToListAsync(Ct);
        await docs.FullTextSearch("sourdough", x => x.Body).Limit(3).ToListAsync(Ct);
        await docs.HybridSearch(x => x.Body, "sourdough").Limit(3).ToListAsync(Ct);
        await db.ListTablesAsync(limit: 1, cancellationToken: Ct);
        await docs.DropAsync(Ct);
        return [.. wire.Requests];
    }

    private static string ActionOf(RecordingHandler.Recorded request)
    {
        var parts = request.Path.Trim('/').Split('/');
        return parts.Length > 3 ? string.Join('/', parts[3..]) : "";
    }

    [Fact]
    public async Task Every_json_body_is_labelled_application_json_and_is_a_json_object()
    {
        var requests = await RecordEveryKindOfRequestAsync();

        var json = requests.Where(r => r.Body is { Length: > 0 } && !UploadActions.Contains(ActionOf(r))).ToArray();
        Assert.NotEmpty(json);
        Assert.All(json, r =>
        {
            Assert.True(r.ContentType == JsonType, $"{r.Path}: Content-Type '{r.ContentType}'");
            Assert.IsType<JsonObject>(JsonNode.Parse(r.Body!));
        });
    }

    [Fact]
    public async Task Every_upload_is_labelled_as_an_arrow_ipc_stream()
    {
        var requests = await RecordEveryKindOfRequestAsync();

        var uploads = requests.Where(r => UploadActions.Contains(ActionOf(r))).ToArray();
        Assert.Equal(["create", "merge_insert"], uploads.Select(ActionOf).Distinct().Order()); // LanceOrm writes rows through merge_insert
        Assert.All(uploads, r => Assert.True(r.ContentType == ArrowStreamType && r.Body is { Length: > 0 }, $"{r.Path}: Content-Type '{r.ContentType}', {r.Body?.Length ?? 0} bytes"));
    }

    [Fact]
    public async Task Only_the_routes_the_official_client_sends_bodiless_go_without_a_body()
    {
        var requests = await RecordEveryKindOfRequestAsync();

        var bodiless = requests.Where(r => r.Method == "POST" && r.Body is not { Length: > 0 }).ToArray();
        Assert.NotEmpty(bodiless);
        Assert.All(bodiless, r => Assert.True(
            BodilessActions.Contains(ActionOf(r)) || ActionOf(r).EndsWith("/drop", StringComparison.Ordinal),
            $"{r.Path} was sent without a body; Cloud reads a JSON body there"));
    }

    [Fact]
    public async Task Every_query_carries_an_integer_k_within_i64_and_a_vector_array_booleans_and_lower_case_distances()
    {
        var requests = await RecordEveryKindOfRequestAsync();

        var queries = requests.Where(r => ActionOf(r) == "query").Select(r => JsonNode.Parse(r.Body!)!.AsObject()).ToArray();
        Assert.True(queries.Length >= 6, $"{queries.Length} queries");
        Assert.All(queries, q =>
        {
            var text = q.ToJsonString();
            Assert.True(q["k"] is JsonValue k && k.GetValueKind() == JsonValueKind.Number && k.TryGetValue<long>(out var limit) && limit >= 0, $"k: {text}");
            Assert.True(q["vector"] is JsonArray, $"vector: {text}");
            Assert.All(QueryFlags.Where(q.ContainsKey), flag => Assert.True(q[flag]!.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{flag}: {text}"));
            Assert.True(q["distance_type"] is null || DistanceNames.Contains(q["distance_type"]!.GetValue<string>()), $"distance_type: {text}");
        });
        Assert.Contains(queries, q => q["vector"]!.AsArray().Count == 0 && q["k"]!.GetValue<long>() == long.MaxValue);
        Assert.Contains(queries, q => q["distance_type"]?.GetValue<string>() == "cosine");
    }

    [Fact]
    public async Task Create_index_sends_counts_as_positive_integers_and_the_metric_in_lower_case()
    {
        var requests = await RecordEveryKindOfRequestAsync();

        var indices = requests.Where(r => ActionOf(r) == "create_index").Select(r => JsonNode.Parse(r.Body!)!.AsObject()).ToArray();
        Assert.Equal(5, indices.Length);
        var vector = Assert.Single(indices, i => i["index_type"]!.GetValue<string>() == "IVF_FLAT");
        Assert.Equal("cosine", vector["metric_type"]!.GetValue<string>());
        Assert.Equal(2, vector["num_partitions"]!.GetValue<int>());
        Assert.All(indices, i => Assert.All(
            i.Where(p => p.Key is "num_partitions" or "num_sub_vectors" or "sample_rate" or "max_iterations"),
            p => Assert.True(p.Value!.GetValueKind() == JsonValueKind.Number && p.Value.GetValue<long>() >= 1, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(i)))));
    }
}
