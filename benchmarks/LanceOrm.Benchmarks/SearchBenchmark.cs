using System.Diagnostics;
using LanceOrm.Embeddings;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Benchmark 3: N text searches with k=10, sequential and concurrent, LanceOrm vs the official TS client, each on the
/// table it ingested (same documents, same emulator, same model). LanceOrm starts with an empty cache; the sequential and
/// concurrent runs use different query sets, so no query is ever answered from the cache. The searches run twice: on
/// the tables as ingested (the server's flat scan) and again once an IVF_PQ index is built and ready on both tables
/// (the same index request from both clients), so that the server's scan no longer hides the client's own cost.
/// </summary>
internal static class SearchBenchmark
{
    private const int K = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var model = await BenchEnvironment.ResolveModelAsync(options);
        await using var environment = await BenchEnvironment.StartAsync(options);
        await EnsureTablesAsync(environment, model);
        await RunAsync(environment, model);
        return 0;
    }

    /// <summary>The flat run, then the same searches after both tables got an IVF_PQ index.</summary>
    public static async Task RunAsync(BenchEnvironment environment, ModelFiles model)
    {
        await RunAsync(environment, model, "flat scan");
        await IndexBothAsync(environment, model);
        await RunAsync(environment, model, "IVF_PQ index");
    }

    /// <summary>
    /// Builds an IVF_PQ index (L2, the server's default partitions and sub-vectors) on the vector column of both tables and
    /// waits until it covers every row: LanceOrm's with <c>CreateVectorIndexAsync</c> + <c>WaitForIndexAsync</c>, the TS
    /// table with the official client's <c>createIndex</c> + <c>waitForIndex</c>. Not timed as part of the searches.
    /// </summary>
    private static async Task IndexBothAsync(BenchEnvironment environment, ModelFiles model)
    {
        var started = Stopwatch.StartNew();
        using (var db = await environment.ConnectAsync(cacheEntries: 10_000, model))
        {
            var repo = db.BenchDocs();
            await repo.CreateVectorIndexAsync(x => x.Text, new VectorIndexOptions { IndexType = VectorIndexType.IvfPq, Name = IndexName });
            await repo.WaitForIndexAsync(IndexName, TimeSpan.FromMinutes(30));
        }

        var lanceOrmSeconds = started.Elapsed.TotalSeconds;
        var node = NodeClient.Create(environment, model);
        node?.Run("index", "--table", IngestBenchmark.TsTable, "--index-name", IndexName);
        Console.WriteLine($"(search) IVF_PQ index built and ready: LanceOrm's table {lanceOrmSeconds:F1} s, the TS table {started.Elapsed.TotalSeconds - lanceOrmSeconds:F1} s (load {BenchEnvironment.LoadAverage()})");
    }

    private const string IndexName = "vector_idx";

    /// <summary>Standalone runs ingest the documents first (untimed) when the two tables are not there yet.</summary>
    private static async Task EnsureTablesAsync(BenchEnvironment environment, ModelFiles model)
    {
        using var db = await environment.ConnectAsync(environment.Options.Docs * 2, model);
        var tables = new List<string>();
        await foreach (var name in db.ListAllTablesAsync())
        {
            tables.Add(name);
        }

        if (tables.Contains("bench_docs") && tables.Contains(IngestBenchmark.TsTable))
        {
            return;
        }

        Console.WriteLine("(search) ingesting the documents first with both clients (not timed here)…");
        var docs = IngestBenchmark.Documents(environment.Options.Docs);
        var repo = db.BenchDocs();
        await repo.CreateTableAsync(CreateMode.Overwrite);
        await repo.AddAsync(docs);
        var node = NodeClient.Create(environment, model);
        node?.Run("ingest", "--table", IngestBenchmark.TsTable, "--docs", node.WriteJson("docs.json", docs.Select(d => new[] { d.Id, d.Text })), "--chunk", NodeClient.Int(environment.Options.Chunk));
    }

    private static async Task RunAsync(BenchEnvironment environment, ModelFiles model, string phase)
    {
        var options = environment.Options;
        BenchEnvironment.PrintHeader($"search ({phase}): {options.Queries:N0} text searches, k={K}, sequential and {options.Concurrency} concurrent (benchmark 3)", model);
        var warmup = SentenceCorpus.Generate(10, seed: 7);
        var sequentialQueries = SentenceCorpus.Generate(options.Queries, seed: 11);
        var concurrentQueries = SentenceCorpus.Generate(options.Queries, seed: 13);
        var node = NodeClient.Create(environment, model);

        var orm = new Dictionary<string, Result>();
        var ts = new Dictionary<string, Result>();
        foreach (var (label, queries, concurrency) in new[] { ("sequential", sequentialQueries, 1), ($"{options.Concurrency} concurrent", concurrentQueries, options.Concurrency) })
        {
            // Interleaved: LanceOrm, then the TS client both ways, for each load shape.
            orm[label] = await LanceOrmAsync(environment, model, warmup, queries, concurrency);
            if (node is not null)
            {
                var queriesJson = node.WriteJson($"queries-{concurrency}.json", queries);
                var warmupJson = node.WriteJson("warmup.json", warmup);
                // The idiomatic search(text) reloads the model on every call (~0.3 s each here): it runs on the first
                // --text-mode-queries queries only (default 200), so as not to dominate the run; it is not the baseline.
                var textQueriesJson = node.WriteJson($"text-queries-{concurrency}.json", queries.Take(options.TextModeQueries));
                foreach (var mode in new[] { "vector", "text" })
                {
                    var json = node.Run("search", "--table", IngestBenchmark.TsTable, "--queries", mode == "vector" ? queriesJson : textQueriesJson, "--warmup", warmupJson, "--k", NodeClient.Int(K), "--concurrency", NodeClient.Int(concurrency), "--mode", mode);
                    ts[$"{label}/{mode}"] = new Result(json.GetProperty("latenciesMs").EnumerateArray().Select(e => e.GetDouble()).ToArray(), json.GetProperty("seconds").GetDouble());
                }
            }

            Console.WriteLine($"  {label}: done (load {BenchEnvironment.LoadAverage()})");
        }

        Console.WriteLine();
        Summary.Add($"[3] {options.Queries:N0} text searches, k={K}, {phase,-14}  p50 ms    p95 ms    queries/s");
        foreach (var label in orm.Keys)
        {
            Print($"LanceOrm, {label}", orm[label]);
            if (ts.Count == 0)
            {
                continue;
            }

            var vector = ts[$"{label}/vector"];
            var text = ts[$"{label}/text"];
            Print($"TS, {label}, search(vector) (function created once)", vector);
            Print($"TS, {label}, search(text) (idiomatic; {text.Count} queries)", text);
            var baseline = vector.Throughput >= text.Throughput ? vector : text;
            var baselineName = ReferenceEquals(baseline, vector) ? "search(vector)" : "search(text)";
            Summary.Add($"    LanceOrm vs the faster TS way ({baselineName}): p50 {orm[label].P50:F1} vs {baseline.P50:F1} ms (p50 no worse: {Stats.Verdict(orm[label].P50 <= baseline.P50)}), "
                + $"p95 {orm[label].P95:F1} vs {baseline.P95:F1} ms, throughput {orm[label].Throughput / baseline.Throughput:F2}x (>= 1.5x: {Stats.Verdict(orm[label].Throughput / baseline.Throughput >= 1.5)})");
        }

        Console.WriteLine();
    }

    private static void Print(string label, Result result) =>
        Summary.Add($"    {label,-52} {result.P50,7:F1}  {result.P95,8:F1}  {result.Throughput,10:N1}");

    private static async Task<Result> LanceOrmAsync(BenchEnvironment environment, ModelFiles model, string[] warmup, string[] queries, int concurrency)
    {
        using var db = await environment.ConnectAsync(cacheEntries: 10_000, model);
        var repo = db.BenchDocs();
        foreach (var text in warmup)
        {
            await SearchAsync(repo, text);
        }

        var latencies = new double[queries.Length];
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Length)
            {
                var started = Stopwatch.GetTimestamp();
                await SearchAsync(repo, queries[i]);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cache = db.Embeddings.Get("minilm").Cache.Statistics;
        if (cache.MemoryHits + cache.DiskHits != 0)
        {
            throw new InvalidOperationException($"A search query was answered from the cache: {cache}");
        }

        return new Result(latencies, seconds);
    }

    private static async Task SearchAsync(BenchDocRepository repo, string text)
    {
        var hits = await repo.Search(x => x.Text, text).Limit(K).ToListAsync();
        if (hits.Count != K)
        {
            throw new InvalidOperationException($"Expected {K} hits, got {hits.Count}.");
        }
    }

    private sealed class Result(double[] latencies, double seconds)
    {
        public double P50 { get; } = Stats.Percentile(latencies, 50);

        public double P95 { get; } = Stats.Percentile(latencies, 95);

        public double Throughput { get; } = latencies.Length / seconds;

        public int Count { get; } = latencies.Length;
    }
}
