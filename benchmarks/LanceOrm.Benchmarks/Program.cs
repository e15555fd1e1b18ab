using LanceOrm.Benchmarks;

var commands = new Dictionary<string, (Func<string[], Task<int>> Run, string Help, string Usage)>(StringComparer.OrdinalIgnoreCase)
{
    ["embeddings"] = (EmbeddingBenchmark.RunAsync, "sentences/s: bare ONNX Runtime vs MiniLmEmbeddingGenerator vs LanceDB's transformers.js path", EmbeddingBenchmarkOptions.Usage),
    ["ingest"] = (IngestBenchmark.RunAsync, "[1] ingest N docs, LanceOrm vs the official TS client; [2] re-upsert them unchanged (cache); stage breakdown", BenchOptions.Usage),
    ["search"] = (SearchBenchmark.RunAsync, "[3] N text searches k=10, sequential and concurrent, p50/p95 and throughput vs the TS client", BenchOptions.Usage),
    ["stream"] = (StreamBenchmark.RunAsync, "[4] streaming ingest of N rows with pre-computed vectors: peak RSS and rows/s", BenchOptions.Usage),
    ["wire"] = (WireBenchmark.RunAsync, "[5] bytes on the wire per row vs the raw Arrow payload", BenchOptions.Usage),
    ["scan"] = (ScanBenchmark.RunAsync, "[6] scan N rows through AsAsyncEnumerable: peak RSS of the client during the scan (--buffered: query bodies read whole first, as before)", BenchOptions.Usage + " [--buffered]"),
    ["quality"] = (QualityBenchmark.RunAsync, "recall@10, nDCG@10, MRR@10 on the labelled retrieval set (benchmarks/data/retrieval) for minilm and arctic-xs in fp32 and int8; int8 vs fp32 agreement", QualityBenchmarkOptions.Usage),
    ["images"] = (ImageBenchmark.RunAsync, "images/s: bare ONNX Runtime on pre-decoded tensors vs the resnet18 function from JPEG bytes; decode cost SkiaSharp vs ImageSharp", ImageBenchmarkOptions.Usage),
    ["all"] = (AllBenchmark.RunAsync, "1 to 5 in one run against one emulator", BenchOptions.Usage),
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine("usage: LanceOrm.Benchmarks <sub-command> [options]");
    Console.Error.WriteLine("sub-commands:");
    foreach (var (name, (_, help, usage)) in commands)
    {
        Console.Error.WriteLine($"  {name,-11} {help}");
        Console.Error.WriteLine($"              {usage}");
    }

    return 2;
}

if (!args.Contains("--skip-node", StringComparer.OrdinalIgnoreCase) && !string.Equals(args[0], "quality", StringComparison.OrdinalIgnoreCase)
    && !string.Equals(args[0], "images", StringComparison.OrdinalIgnoreCase))
{
    NodePackages.EnsureInstalled(); // one command on a fresh clone: the TS baselines' npm packages install on first use
}

return await command.Run(args[1..]);
