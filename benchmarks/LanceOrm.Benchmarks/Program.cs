using LanceOrm.Benchmarks;

var commands = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["embeddings"] = EmbeddingBenchmark.RunAsync,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine("usage: LanceOrm.Benchmarks <sub-command> [options]");
    Console.Error.WriteLine("sub-commands:");
    Console.Error.WriteLine("  embeddings   sentences/s: bare ONNX Runtime vs MiniLmEmbeddingGenerator vs LanceDB's transformers.js path");
    Console.Error.WriteLine("               " + EmbeddingBenchmarkOptions.Usage);
    return 2;
}

return await command(args[1..]);
