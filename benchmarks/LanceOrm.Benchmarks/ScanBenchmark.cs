using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Benchmark 6: scan N rows (default 1,000,000) through <c>Query().AsAsyncEnumerable()</c> and report the peak RSS of
/// this process during the scan (VmHWM, reset after the table is written through <c>/proc/self/clear_refs</c>); the
/// emulator is a separate node process. <c>--buffered</c> puts a handler under the connection that reads each query
/// body whole before handing it on, as the attempt handler did before query responses streamed: the same scan, buffered.
/// </summary>
internal static class ScanBenchmark
{
    public const int Dimensions = 32;
    private const long Target = 300L << 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var buffered = args.Contains("--buffered", StringComparer.Ordinal);
        var options = BenchOptions.Parse(args.Where(a => a != "--buffered").ToArray());
        await using var environment = await BenchEnvironment.StartAsync(options);
        BenchEnvironment.PrintHeader($"scan: {options.Rows:N0} rows through AsAsyncEnumerable, {(buffered ? "query bodies BUFFERED (the old behavior)" : "streamed")} (benchmark 6)", null);

        using (var writer = await environment.ConnectAsync(cacheEntries: 0, model: null))
        {
            var table = writer.ScanRows();
            await table.CreateTableAsync(CreateMode.Overwrite);
            var written = Stopwatch.StartNew();
            await table.AddAsync(GenerateAsync(options.Rows));
            Console.WriteLine($"  table written: {options.Rows:N0} rows in {written.Elapsed.TotalSeconds:F1} s (peak RSS so far {BenchEnvironment.PeakRss() / 1048576.0:N0} MiB)");
        }

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var reset = ResetPeakRss();
        var rssBefore = BenchEnvironment.PeakRss();
        using var db = await environment.ConnectAsync(cacheEntries: 0, model: null, httpHandler: buffered ? new BufferingHandler() : null);
        var repo = db.ScanRows();

        var stopwatch = Stopwatch.StartNew();
        double? firstRow = null;
        long rows = 0, idSum = 0;
        await foreach (var hit in repo.Query().AsAsyncEnumerable())
        {
            firstRow ??= stopwatch.Elapsed.TotalSeconds;
            rows++;
            idSum += hit.Entity.Id;
            if (hit.Entity.Vector.Length != Dimensions)
            {
                throw new InvalidOperationException($"Row {hit.Entity.Id} came back without its vector.");
            }

            if (rows % 200_000 == 0)
            {
                Console.WriteLine($"  {rows,9:N0} rows, peak RSS so far {BenchEnvironment.PeakRss() / 1048576.0:N0} MiB");
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var peak = BenchEnvironment.PeakRss();
        if (rows != options.Rows || idSum != (long)options.Rows * (options.Rows - 1) / 2)
        {
            throw new InvalidOperationException($"Benchmark check failed: {rows:N0} rows read, id sum {idSum}.");
        }

        Console.WriteLine();
        Summary.Add($"[6] scan of {options.Rows:N0} rows through AsAsyncEnumerable ({(buffered ? "buffered" : "streamed")}): {rows / seconds:N0} rows/s ({seconds:F1} s, first row after {firstRow:F1} s); "
            + $"peak RSS during the scan {peak / 1048576.0:N0} MiB (at its start {rssBefore / 1048576.0:N0} MiB{(reset ? "" : "; VmHWM could not be reset: the figure includes the table write")}), "
            + $"target < 300 MiB: {Stats.Verdict(peak < Target)}; load {BenchEnvironment.LoadAverage()}");
        Console.WriteLine();
        return 0;
    }

    /// <summary>Resets VmHWM to the current RSS (Linux: <c>5</c> to <c>/proc/self/clear_refs</c>), so the peak is the scan's.</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async IAsyncEnumerable<ScanRow> GenerateAsync(long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(42);
        for (long i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = random.NextSingle() - 0.5f;
            }

            yield return new ScanRow { Id = i, Title = $"row {i} of the scan benchmark", Year = 1990 + (int)(i % 35), Score = i * 0.5, Vector = vector };
            if ((i & 0xFFF) == 0)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>Reads every response body whole before handing the response on (what the attempt handler did for queries).</summary>
    private sealed class BufferingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
    }
}
