using System.Globalization;

namespace LanceOrm.Benchmarks;

internal sealed record EmbeddingBenchmarkOptions(
    int Sentences,
    int BatchSize,
    int Threads,
    string? ModelDirectory,
    bool SkipNode,
    string Node,
    int GeneratedLayers,
    int Rounds)
{
    public const string Usage =
        "[--sentences 5000] [--batch 32] [--threads 0] [--model-dir DIR] [--skip-node] [--node node] [--generated-layers 12] [--rounds 3]";

    public static EmbeddingBenchmarkOptions Parse(string[] args)
    {
        var options = new EmbeddingBenchmarkOptions(5000, 32, 0, null, false, "node", 12, 3);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--sentences" => options with { Sentences = NextInt() },
                "--batch" => options with { BatchSize = NextInt() },
                "--threads" => options with { Threads = NextInt() },
                "--model-dir" => options with { ModelDirectory = Next() },
                "--skip-node" => options with { SkipNode = true },
                "--node" => options with { Node = Next() },
                "--generated-layers" => options with { GeneratedLayers = NextInt() },
                "--rounds" => options with { Rounds = Math.Max(1, NextInt()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }
}
