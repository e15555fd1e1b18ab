namespace LanceOrm.Benchmarks;

internal sealed record QualityBenchmarkOptions(string? DataDirectory, IReadOnlyList<string> Variants, bool ShowMisses, bool QueriesAsDocuments)
{
    public static readonly IReadOnlyList<string> AllVariants = ["minilm-fp32", "minilm-int8", "arctic-xs-fp32", "arctic-xs-int8"];

    public static readonly string Usage = $"[--data benchmarks/data/retrieval] [--variants {string.Join(',', AllVariants)}] [--misses] [--queries-as-documents]";

    public static QualityBenchmarkOptions Parse(string[] args)
    {
        var options = new QualityBenchmarkOptions(null, AllVariants, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            options = args[i] switch
            {
                "--data" => options with { DataDirectory = Next() },
                "--variants" => options with { Variants = ParseVariants(Next()) },
                "--misses" => options with { ShowMisses = true },
                "--queries-as-documents" => options with { QueriesAsDocuments = true },
                "--skip-node" => options, // accepted like every sub-command; this one never needs node
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }

    private static string[] ParseVariants(string list)
    {
        var variants = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = variants.FirstOrDefault(v => !AllVariants.Contains(v, StringComparer.Ordinal));
        return unknown is null && variants.Length > 0
            ? variants
            : throw new ArgumentException($"Unknown variant '{unknown}' in --variants; known: {string.Join(", ", AllVariants)}.");
    }
}
