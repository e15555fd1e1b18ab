using Apache.Arrow;
using LanceOrm.Embeddings;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Benchmark 5: bytes LanceOrm writes to the socket per row during a write (HTTP request lines, headers and bodies, retries
/// included) vs the raw Arrow payload of the same rows (the summed lengths of every Arrow buffer of the record batches:
/// validity bitmaps, offsets, values). Two row shapes: pre-computed vectors, and short documents embedded with MiniLM.
/// </summary>
internal static class WireBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var model = await BenchEnvironment.ResolveModelAsync(options);
        await using var environment = await BenchEnvironment.StartAsync(options);
        await RunAsync(environment, model);
        return 0;
    }

    public static async Task RunAsync(BenchEnvironment environment, ModelFiles model)
    {
        var options = environment.Options;
        BenchEnvironment.PrintHeader("wire: bytes on the wire per row vs the raw Arrow payload (benchmark 5)", model);
        var counter = new WireCounter();
        using var http = counter.CreateHandler();
        using var db = await environment.ConnectAsync(cacheEntries: 20_000, model, http);

        // (a) pre-computed 384-dimension vectors
        var rows = db.StreamRows();
        await rows.CreateTableAsync(CreateMode.Overwrite);
        counter.Reset();
        await rows.AddAsync(StreamRows.GenerateAsync(options.WireRows));
        var vectorSent = counter.Sent;
        long vectorRaw = 0;
        foreach (var chunk in StreamRows.Generate(options.WireRows).Chunk(options.WriteBatch))
        {
            using var batch = rows.Map.ToRecordBatch(chunk, []);
            vectorRaw += RawBytes(batch);
        }

        // (b) short documents (id, text, 384-dimension MiniLM vector)
        var docCount = Math.Min(options.Docs, 5_000);
        var docs = IngestBenchmark.Documents(docCount);
        var docsRepo = db.BenchDocs();
        await docsRepo.CreateTableAsync(CreateMode.Overwrite);
        counter.Reset();
        await docsRepo.AddAsync(docs);
        var docSent = counter.Sent;
        long docRaw = 0;
        var minilm = db.Embeddings.Get("minilm");
        foreach (var chunk in docs.Chunk(options.WriteBatch))
        {
            var vectors = new float[chunk.Length * minilm.Dimensions];
            await minilm.EmbedAsync(chunk.Select(d => d.Text).ToArray(), vectors); // cache hits: the same vectors as uploaded
            using var batch = docsRepo.Map.ToRecordBatch(chunk, [vectors]);
            docRaw += RawBytes(batch);
        }

        Console.WriteLine();
        Summary.Add($"[5] bytes on the wire per row (sent by LanceOrm, {options.WriteBatch:N0} rows per request, LZ4_FRAME IPC as the official client):");
        Report($"{options.WireRows:N0} rows, int64 id + vector(384)", options.WireRows, vectorSent, vectorRaw);
        Report($"{docCount:N0} docs, id + text + vector(384)", docCount, docSent, docRaw);
        Console.WriteLine();
    }

    private static void Report(string label, long count, long sent, long raw)
    {
        var ratio = (double)sent / raw;
        Summary.Add($"    {label,-36} wire {sent / (double)count,8:F1} B/row   raw Arrow {raw / (double)count,8:F1} B/row   ratio {ratio:F3}  (target <= 1.05: {Stats.Verdict(ratio <= 1.05)})");
    }

    /// <summary>The summed lengths of every buffer of every column (children included): the Arrow data without IPC framing.</summary>
    public static long RawBytes(RecordBatch batch)
    {
        long total = 0;
        for (var i = 0; i < batch.ColumnCount; i++)
        {
            total += RawBytes(batch.Column(i).Data);
        }

        return total;
    }

    private static long RawBytes(ArrayData data)
    {
        long total = 0;
        foreach (var buffer in data.Buffers)
        {
            total += buffer.Length;
        }

        foreach (var child in data.Children ?? [])
        {
            total += RawBytes(child);
        }

        return total;
    }
}
