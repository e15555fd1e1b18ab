using System.Globalization;

namespace LanceOrm.Benchmarks;

/// <summary>Options shared by the ingest/search/stream/wire/all sub-commands.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "[--docs 50000] [--chunk 1000] [--queries 1000] [--concurrency 8] [--text-mode-queries 200] [--rows 1000000] [--wire-rows 100000] [--rounds 1] "
        + "[--write-batch 1000] [--depth 2] [--model-dir DIR] [--node node] [--skip-node] [--url URL (use a running emulator)]";

    public int Docs { get; init; } = 50_000;

    /// <summary>Rows per <c>add()</c> call of the TS client.</summary>
    public int Chunk { get; init; } = 1000;

    public int Queries { get; init; } = 1000;

    public int Concurrency { get; init; } = 8;

    /// <summary>Queries for the TS client's idiomatic <c>search(text)</c>, which reloads its model on every call.</summary>
    public int TextModeQueries { get; init; } = 200;

    public int Rows { get; init; } = 1_000_000;

    public int WireRows { get; init; } = 100_000;

    public int Rounds { get; init; } = 1;

    public int WriteBatch { get; init; } = 1000;

    public int Depth { get; init; } = 2;

    public string? ModelDirectory { get; init; }

    public string Node { get; init; } = "node";

    public bool SkipNode { get; init; }

    public string? Url { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int NextInt() => int.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--docs" => options with { Docs = NextInt() },
                "--chunk" => options with { Chunk = NextInt() },
                "--queries" => options with { Queries = NextInt() },
                "--concurrency" => options with { Concurrency = NextInt() },
                "--text-mode-queries" => options with { TextModeQueries = NextInt() },
                "--rows" => options with { Rows = NextInt() },
                "--wire-rows" => options with { WireRows = NextInt() },
                "--rounds" => options with { Rounds = Math.Max(1, NextInt()) },
                "--write-batch" => options with { WriteBatch = NextInt() },
                "--depth" => options with { Depth = NextInt() },
                "--model-dir" => options with { ModelDirectory = Next() },
                "--node" => options with { Node = Next() },
                "--skip-node" => options with { SkipNode = true },
                "--url" => options with { Url = Next() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }

    /// <summary>The same options as command-line arguments (to start a child harness process).</summary>
    public List<string> ToArguments()
    {
        var list = new List<string>
        {
            "--docs", Str(Docs), "--chunk", Str(Chunk), "--queries", Str(Queries), "--concurrency", Str(Concurrency), "--text-mode-queries", Str(TextModeQueries),
            "--rows", Str(Rows), "--wire-rows", Str(WireRows), "--rounds", Str(Rounds), "--write-batch", Str(WriteBatch),
            "--depth", Str(Depth), "--node", Node,
        };
        if (ModelDirectory is not null)
        {
            list.AddRange(["--model-dir", ModelDirectory]);
        }

        if (SkipNode)
        {
            list.Add("--skip-node");
        }

        if (Url is not null)
        {
            list.AddRange(["--url", Url]);
        }

        return list;

        static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
