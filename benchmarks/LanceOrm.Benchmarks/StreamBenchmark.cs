using System.Diagnostics;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Benchmark 4: stream N rows with pre-computed 384-dimension vectors from an <see cref="IAsyncEnumerable{T}"/> through
/// <c>AddAsync</c>; peak RSS of this process (VmHWM: run it in its own process, as <c>all</c> does) and rows/s.
/// </summary>
internal static class StreamBenchmark
{
    private const long OneGiB = 1L << 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        await using var environment = await BenchEnvironment.StartAsync(options);
        BenchEnvironment.PrintHeader($"stream: {options.Rows:N0} rows with pre-computed vectors from an IAsyncEnumerable (benchmark 4)", null);
        using var db = await environment.ConnectAsync(cacheEntries: 0, model: null);
        var repo = db.StreamRows();
        await repo.CreateTableAsync(CreateMode.Overwrite);
        var rssBefore = BenchEnvironment.PeakRss();

        using var stages = new StageRecorder(null);
        var reported = 0L;
        var progress = new SynchronousProgress(p =>
        {
            if (p.RowsWritten - reported >= 100_000)
            {
                reported = p.RowsWritten;
                Console.WriteLine($"  {p.RowsWritten,9:N0} rows, peak RSS so far {BenchEnvironment.PeakRss() / 1048576.0:N0} MiB");
            }
        });
        var stopwatch = Stopwatch.StartNew();
        var result = await repo.AddAsync(StreamRows.GenerateAsync(options.Rows), progress);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var peak = BenchEnvironment.PeakRss();
        if (result.RowsInserted != options.Rows || await repo.CountAsync() != options.Rows)
        {
            throw new InvalidOperationException($"Benchmark check failed: {result}");
        }

        Console.WriteLine();
        Summary.Add($"[4] streaming ingest of {options.Rows:N0} rows ({options.WriteBatch:N0} per request): {options.Rows / seconds:N0} rows/s ({seconds:F1} s); "
            + $"peak RSS {peak / 1048576.0:N0} MiB (before the write {rssBefore / 1048576.0:N0} MiB), target < 1,024 MiB: {Stats.Verdict(peak < OneGiB)}; load {BenchEnvironment.LoadAverage()}");
        stages.Print(seconds);
        Console.WriteLine();
        return 0;
    }

    private sealed class SynchronousProgress(Action<WriteProgress> report) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => report(value);
    }
}
