using System.Diagnostics;

namespace LanceOrm.Benchmarks;

/// <summary>
/// All five benchmarks in one run against one emulator and the same model files: ingest and re-upsert (1, 2), search on
/// the ingested tables (3), the streaming ingest in a child process of this harness so that its peak RSS is its own (4),
/// and the wire overhead (5).
/// </summary>
internal static class AllBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var model = await BenchEnvironment.ResolveModelAsync(options);
        await using var environment = await BenchEnvironment.StartAsync(options);
        var started = Stopwatch.StartNew();
        await IngestBenchmark.RunAsync(environment, model);
        await SearchBenchmark.RunAsync(environment, model);
        var child = RunChild("stream", environment, options);
        await WireBenchmark.RunAsync(environment, model);
        Console.WriteLine($"== summary (all: {started.Elapsed.TotalMinutes:F1} min; load average {BenchEnvironment.LoadAverage()}) ==");
        foreach (var line in Summary.All)
        {
            Console.WriteLine(line);
        }

        return child;
    }

    private static int RunChild(string command, BenchEnvironment environment, BenchOptions options)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(AllBenchmark).Assembly.Location); // `dotnet LanceOrm.Benchmarks.dll`
        }

        start.ArgumentList.Add(command);
        Console.Error.WriteLine($"(all) starting: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        foreach (var argument in (options with { Url = environment.Url.ToString() }).ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine(line);
            if (line.StartsWith("[4]", StringComparison.Ordinal))
            {
                Summary.Record(line);
            }
        }

        process.WaitForExit();
        return process.ExitCode;
    }
}
