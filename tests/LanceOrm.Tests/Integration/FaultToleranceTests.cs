using System.Diagnostics;
using LanceOrm.Testing;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>A private emulator whose writes fail at random (seeded): 429s, 503s, resets, delays, failures after the write.</summary>
public sealed class FaultyEmulatorFixture : IAsyncLifetime
{
    public const string Rules = """
        {"seed":1,"match":"insert|merge_insert","rules":[
          {"kind":"status","status":429,"rate":0.1,"retryAfter":1},
          {"kind":"status","status":503,"rate":0.1},
          {"kind":"reset","rate":0.05},
          {"kind":"delay","ms":200,"rate":0.1},
          {"kind":"after-write","status":503,"rate":0.1}]}
        """;

    public LanceDbEmulator Emulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = EmulatorFixture.ApiKey }, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}

public sealed class FaultToleranceTests(FaultyEmulatorFixture faulty, ITestOutputHelper output) : IClassFixture<FaultyEmulatorFixture>
{
    private const int Rows = 50_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LanceDbConnection Connect() => EmulatorFixture.Connect(faulty.Emulator, o =>
    {
        o.WriteBatchSize = 1_000;
        o.Retry = new LanceRetryOptions { Retries = 10, ConnectRetries = 10, ReadRetries = 10, BackoffFactor = 0.01, BackoffJitter = 0.02 };
    });

    private static async Task AssertExactlyOnceAsync(LanceRepository<Note, string> repo, Func<string, string, bool>? check = null)
    {
        Assert.Equal(Rows, await repo.CountAsync(cancellationToken: Ct));
        var hits = await repo.Query().Select(x => new { x.Id, x.Title }).ToListAsync(Ct);
        var ids = hits.Select(h => h.Entity.Id).ToArray();
        Assert.Equal(Rows, ids.Length);
        Assert.Equal(Rows, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => Note.Make(i).Id).Order(), ids.Order());
        if (check is not null)
        {
            Assert.All(hits, h => Assert.True(check(h.Entity.Id, h.Entity.Title), h.Entity.Id));
        }
    }

    [Fact]
    public async Task An_upsert_of_50000_rows_under_random_faults_ends_with_each_key_exactly_once_and_updated()
    {
        using var db = Connect();
        var repo = db.Notes();
        await faulty.Emulator.ClearFaultsAsync(Ct);
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        await repo.AddAsync(Enumerable.Range(0, 10_000).Select(i => Note.Make(i)), cancellationToken: Ct);

        var before = Injected();
        await faulty.Emulator.SetFaultsAsync(FaultyEmulatorFixture.Rules, Ct);
        var watch = Stopwatch.StartNew();
        try
        {
            await repo.UpsertAsync(Enumerable.Range(0, Rows).Select(i => { var n = Note.Make(i); n.Title = "v2 " + n.Id; return n; }), cancellationToken: Ct);
        }
        finally
        {
            await faulty.Emulator.ClearFaultsAsync(Ct);
        }

        output.WriteLine($"upsert of {Rows} rows under faults: {watch.Elapsed.TotalSeconds:0.0} s; faults injected: {Injected() - before}");
        AssertEveryFaultKindOccurred(before);
        await AssertExactlyOnceAsync(repo, (id, title) => title == "v2 " + id);
    }

    [Fact]
    public async Task A_plain_add_of_50000_rows_under_random_faults_ends_with_each_key_exactly_once()
    {
        using var db = Connect();
        var repo = db.Notes();
        await faulty.Emulator.ClearFaultsAsync(Ct);
        await repo.CreateTableAsync(CreateMode.Create, Ct);

        var before = Injected();
        await faulty.Emulator.SetFaultsAsync(FaultyEmulatorFixture.Rules.Replace("\"seed\":1", "\"seed\":7"), Ct);
        var watch = Stopwatch.StartNew();
        try
        {
            await repo.AddAsync(Enumerable.Range(0, Rows).Select(i => Note.Make(i)), cancellationToken: Ct);
        }
        finally
        {
            await faulty.Emulator.ClearFaultsAsync(Ct);
        }

        output.WriteLine($"add of {Rows} rows under faults: {watch.Elapsed.TotalSeconds:0.0} s; faults injected: {Injected() - before}");
        AssertEveryFaultKindOccurred(before);
        await AssertExactlyOnceAsync(repo);
    }

    private int Injected() => InjectedLines().Length;

    private string[] InjectedLines() => faulty.Emulator.Log.Split('\n').Where(l => l.Contains("fault injected", StringComparison.Ordinal)).ToArray();

    /// <summary>Every kind of fault hit this run's writes (the emulator logs each one).</summary>
    private void AssertEveryFaultKindOccurred(int before)
    {
        var lines = InjectedLines().Skip(before).ToArray();
        output.WriteLine(string.Join("\n", lines.GroupBy(l => l[(l.IndexOf('{', StringComparison.Ordinal))..l.IndexOf('}', StringComparison.Ordinal)]).Select(g => $"{g.Count(),4} x {g.Key}}}")));
        Assert.Contains(lines, l => l.Contains("\"status\":429", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"kind\":\"status\",\"status\":503", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"kind\":\"reset\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"kind\":\"delay\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"kind\":\"after-write\"", StringComparison.Ordinal));
    }
}
