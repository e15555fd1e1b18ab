using LanceOrm.Samples;
using System.Diagnostics;
using LanceOrm;
using LanceOrm.Embeddings;
using LanceOrm.VectorData;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel.Data;
using VectorDataSample;

// Microsoft.Extensions.VectorData over LanceDB: upsert 20 short docs embedded locally by all-MiniLM-L6-v2, then run a
// text search, a filtered search, a hybrid (vector + BM25) search and Semantic Kernel's text search over the collection.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    await RunAsync(cancellation.Token);
    return 0;
}
catch (ModelNotFoundException e)
{
    await Console.Error.WriteLineAsync(e.Message); // lists each place looked, and LANCEORM_MODEL_DIR for offline machines
    return 2;
}
catch (Exception e) when (e is VectorStoreException or LanceDbException or ModelIntegrityException or InvalidOperationException or IOException)
{
    await Console.Error.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}

static async Task RunAsync(CancellationToken ct)
{
    await using var backend = await Backend.StartAsync("vectordata", ct);
    Console.WriteLine($"Server: {backend.Description}");
    using var connection = new LanceDbConnection(backend.Options);

    // The store's embedding generator: LanceOrm's built-in local all-MiniLM-L6-v2 (384 dimensions, no cloud service).
    using var store = new LanceDbVectorStore(connection, new() { EmbeddingGenerator = connection.Embeddings.Get("minilm").AsEmbeddingGenerator() });
    var docs = store.GetCollection<string, Doc>("vectordata_docs");
    await docs.EnsureCollectionExistsAsync(ct); // the table, and the full-text index of Doc.Text

    var clock = Stopwatch.StartNew();
    await docs.UpsertAsync(Doc.All, ct);
    Console.WriteLine($"Upserted {Doc.All.Count} docs into '{docs.Name}' in {clock.Elapsed.TotalSeconds:0.0} s (embedded locally). Scores are cosine similarities.");

    const string question = "How do plants make food from light?";
    await PrintAsync($"SearchAsync(\"{question}\", top: 3)", docs.SearchAsync(question, top: 3, cancellationToken: ct), ct);

    const string supper = "something warm for a cold evening";
    await PrintAsync(
        $"SearchAsync(\"{supper}\", top: 3, Filter = d => d.Category == \"cooking\")",
        docs.SearchAsync(supper, top: 3, new() { Filter = d => d.Category == "cooking" }, ct),
        ct);

    const string ranking = "how do search engines rank results?";
    await PrintAsync(
        $"HybridSearchAsync(\"{ranking}\", [\"BM25\"], top: 3)  (vector + full-text, fused by reciprocal rank)",
        docs.HybridSearchAsync(ranking, ["BM25"], 3, cancellationToken: ct),
        ct);

    // Semantic Kernel's text search (what its plugins and RAG providers call) over the same collection: the
    // [TextSearchResultName] and [TextSearchResultValue] properties of Doc become each result's name and value.
    ITextSearch<Doc> textSearch = new VectorStoreTextSearch<Doc>(docs);
    const string quakes = "what causes earthquakes?";
    Console.WriteLine();
    Console.WriteLine($"Semantic Kernel VectorStoreTextSearch: GetTextSearchResultsAsync(\"{quakes}\", Top = 2)");
    var results = await textSearch.GetTextSearchResultsAsync(quakes, new TextSearchOptions<Doc> { Top = 2 }, ct);
    await foreach (var result in results.Results.WithCancellation(ct))
    {
        Console.WriteLine($"  {result.Name}: {result.Value}");
    }
}

static async Task PrintAsync(string title, IAsyncEnumerable<VectorSearchResult<Doc>> hits, CancellationToken ct)
{
    Console.WriteLine();
    Console.WriteLine(title);
    var rank = 0;
    await foreach (var hit in hits.WithCancellation(ct))
    {
        Console.WriteLine($"  {++rank}. {hit.Score,6:0.000}  {hit.Record.Title,-20} [{hit.Record.Category}] {hit.Record.Text}");
    }
}
