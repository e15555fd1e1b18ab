using System.Globalization;
using LanceOrm.Embeddings.Quantization;

namespace LanceOrm.Benchmarks;

internal sealed record EmbeddingBenchmarkOptions(
    int Sentences,
    int BatchSize,
    int Threads,
    string? ModelDirectory,
    bool SkipNode,
    string Node,
    int GeneratedLayers,
    int Rounds,
    DynamicQuantizerOptions Int8)
{
    public const string Usage =
        "[--sentences 5000] [--batch 32] [--threads 0] [--model-dir DIR] [--skip-node] [--node node] [--generated-layers 12] [--rounds 3] [--int8-scales column|tensor] [--int8-operator dqmm|matmulinteger] [--int8-full-range] [--int8-separate-bias]";

    public static EmbeddingBenchmarkOptions Parse(string[] args)
    {
        var options = new EmbeddingBenchmarkOptions(5000, 32, 0, null, false, "node", 12, 3, DynamicQuantizerOptions.Default);
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
                "--int8-scales" => options with
                {
                    Int8 = options.Int8 with
                    {
                        Granularity = Next() switch
                        {
                            "column" => WeightGranularity.PerColumn,
                            "tensor" => WeightGranularity.PerTensor,
                            var other => throw new ArgumentException($"--int8-scales is column or tensor, not '{other}'."),
                        },
                    },
                },
                "--int8-separate-bias" => options with { Int8 = options.Int8 with { FuseBias = false } },
                "--int8-full-range" => options with { Int8 = options.Int8 with { ReducedRange = false } },
                "--int8-operator" => options with
                {
                    Int8 = options.Int8 with
                    {
                        Operator = Next() switch
                        {
                            "dqmm" => QuantizedOperator.DynamicQuantizeMatMul,
                            "matmulinteger" => QuantizedOperator.MatMulInteger,
                            var other => throw new ArgumentException($"--int8-operator is dqmm or matmulinteger, not '{other}'."),
                        },
                    },
                },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }
}
