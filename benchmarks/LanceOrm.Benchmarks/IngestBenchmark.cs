using System.Diagnostics;
using LanceOrm.Embeddings;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Benchmarks 1 and 2: ingest N short documents with LanceOrm (cold embedding cache) and with the official TS client
/// (its <c>huggingface</c> function, <c>add()</c> in chunks), then re-upsert the same unchanged documents with LanceOrm.
/// Same emulator, same model files, same documents; rounds interleave the three.
/// </summary>
internal static class IngestBenchmark
{
    public const string TsTable = "bench_docs_ts";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var model = await BenchEnvironment.ResolveModelAsync(options);
        await using var environment = await BenchEnvironment.StartAsync(options);
        await RunAsync(environment, model);
        return 0;
    }

    public static BenchDoc[] Documents(int count)
    {
        var texts = SentenceCorpus.Generate(count);
        return texts.Select((text, i) => new BenchDoc { Id = $"doc-{i:D7}", Text = text }).ToArray();
    }

    public static async Task RunAsync(BenchEnvironment environment, ModelFiles model)
    {
        var options = environment.Options;
        BenchEnvironment.PrintHeader($"ingest: {options.Docs:N0} short documents (benchmarks 1 and 2)", model);
        var docs = Documents(options.Docs);
        Console.WriteLine($"documents: {docs.Length:N0}, {docs.Average(d => d.Text.Length):F0} characters on average; LanceOrm wire batch {options.WriteBatch:N0} rows, pipeline depth {options.Depth}, model batch 32; TS add() chunk {options.Chunk:N0}");
        var node = NodeClient.Create(environment, model);
        var docsJson = node?.WriteJson("docs.json", docs.Select(d => new[] { d.Id, d.Text }));

        var best = (Orm: 0.0, Ts: 0.0, Reupsert: 0.0);
        StageRecorder? bestStages = null;
        double bestWall = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            using var db = await environment.ConnectAsync(cacheEntries: docs.Length * 2, model);
            var repo = db.BenchDocs();
            await repo.CreateTableAsync(CreateMode.Overwrite);
            var minilm = db.Embeddings.Get("minilm");
            await minilm.EmbedAsync(["Load the model and warm up the session."], new float[minilm.Dimensions]); // not timed
            var statistics = (minilm.Generator as MiniLmEmbeddingGenerator)?.Statistics;

            var stages = new StageRecorder(statistics);
            var stopwatch = Stopwatch.StartNew();
            var added = await repo.AddAsync(docs);
            var ormSeconds = stopwatch.Elapsed.TotalSeconds;
            stages.Dispose();
            Check(added.RowsInserted == docs.Length && added.VectorsComputed + added.VectorsFromCache == docs.Length, $"LanceOrm add: {added}");
            Check(await repo.CountAsync() == docs.Length, "LanceOrm table row count");

            double tsRate = double.NaN;
            if (node is not null)
            {
                var ts = node.Run("ingest", "--table", TsTable, "--docs", docsJson!, "--chunk", NodeClient.Int(options.Chunk));
                Check(ts.GetProperty("count").GetInt64() == docs.Length, "TS table row count");
                tsRate = ts.GetProperty("rowsPerSecond").GetDouble();
            }

            var hitsBefore = minilm.Cache.Statistics.MemoryHits;
            stopwatch.Restart();
            var upserted = await repo.UpsertAsync(docs);
            var reupsertSeconds = stopwatch.Elapsed.TotalSeconds;
            Check(upserted.RowsUpdated == docs.Length && minilm.Cache.Statistics.MemoryHits - hitsBefore == docs.Length, $"re-upsert: {upserted}, cache {minilm.Cache.Statistics}");

            var ormRate = docs.Length / ormSeconds;
            var reupsertRate = docs.Length / reupsertSeconds;
            Console.WriteLine($"  round {round}: LanceOrm add {ormRate,8:N0} rows/s ({ormSeconds:F1} s)   TS add {tsRate,8:N0} rows/s   LanceOrm re-upsert {reupsertRate,9:N0} rows/s ({reupsertSeconds:F2} s)   load {BenchEnvironment.LoadAverage()}");
            if (ormRate > best.Orm)
            {
                best.Orm = ormRate;
                bestStages = stages;
                bestWall = ormSeconds;
            }

            best.Ts = Math.Max(best.Ts, double.IsNaN(tsRate) ? 0 : tsRate);
            best.Reupsert = Math.Max(best.Reupsert, reupsertRate);
        }

        Console.WriteLine();
        Summary.Add($"[1] ingest {docs.Length:N0} docs: LanceOrm {best.Orm:N0} rows/s, official TS client {(best.Ts > 0 ? best.Ts.ToString("N0") : "n/a")} rows/s (best of {options.Rounds})");
        if (best.Ts > 0)
        {
            Summary.Add($"    ratio LanceOrm/TS = {best.Orm / best.Ts:F2}x  (target >= 2x: {Stats.Verdict(best.Orm / best.Ts >= 2)})");
        }

        Summary.Add($"[2] re-upsert the same {docs.Length:N0} unchanged docs: {best.Reupsert:N0} rows/s");
        Summary.Add($"    ratio re-upsert/first ingest = {best.Reupsert / best.Orm:F1}x  (target >= 50x: {Stats.Verdict(best.Reupsert / best.Orm >= 50)})");
        Console.WriteLine("LanceOrm ingest stages (best round):");
        bestStages?.Print(bestWall);
        Console.WriteLine();
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark check failed: {what}");
        }
    }
}
