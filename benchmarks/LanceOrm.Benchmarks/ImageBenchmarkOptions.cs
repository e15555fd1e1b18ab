using System.Globalization;

namespace LanceOrm.Benchmarks;

internal sealed record ImageBenchmarkOptions(int Images, int BatchSize, int Threads, int Width, int Height, int Rounds, string? ModelDirectory)
{
    public const string Usage = "[--images 256] [--batch 16] [--threads 0] [--width 640] [--height 480] [--rounds 3] [--model-dir DIR]";

    public static ImageBenchmarkOptions Parse(string[] args)
    {
        var options = new ImageBenchmarkOptions(256, 16, 0, 640, 480, 3, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--images" => options with { Images = Math.Max(1, NextInt()) },
                "--batch" => options with { BatchSize = Math.Max(1, NextInt()) },
                "--threads" => options with { Threads = NextInt() },
                "--width" => options with { Width = NextInt() },
                "--height" => options with { Height = NextInt() },
                "--rounds" => options with { Rounds = Math.Max(1, NextInt()) },
                "--model-dir" => options with { ModelDirectory = Next() },
                "--skip-node" => options,
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }
}
