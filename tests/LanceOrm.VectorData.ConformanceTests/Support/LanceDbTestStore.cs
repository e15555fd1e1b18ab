using LanceOrm.Testing;
using Microsoft.Extensions.VectorData;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests.Support;

/// <summary>
/// The suite's store: one <see cref="LanceDbEmulator"/> (held for the whole assembly by <see cref="LanceDbAssemblyFixture"/>)
/// and one <see cref="LanceDbConnection"/> to a database of its own, shared by every fixture.
/// </summary>
internal sealed class LanceDbTestStore : TestStore
{
    public const string ApiKey = "sk-mevd-conformance-0123456789abcdef";

    private LanceDbEmulator? _emulator;
    private LanceDbConnection? _connection;

    private LanceDbTestStore()
    {
    }

    public static LanceDbTestStore Instance { get; } = new();

    /// <summary>The shared connection (fixtures and tests must not dispose it).</summary>
    public LanceDbConnection Connection => _connection ?? throw new InvalidOperationException("Not initialized");

    // LanceDB's default metric is l2, i.e. the squared Euclidean distance; its brute-force search is the flat index.
    public override string DefaultDistanceFunction => DistanceFunction.EuclideanSquaredDistance;

    public override string DefaultIndexKind => IndexKind.Flat;

    public override bool VectorsComparable => true;

    public override bool SupportsScoreThreshold => true;

    /// <summary>A further store over the shared connection (e.g. with a store-level embedding generator).</summary>
    public LanceDbVectorStore GetVectorStore(LanceDbVectorStoreOptions options) => new(Connection, options);

    protected override async Task StartAsync()
    {
        _emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = ApiKey });
        _connection = new LanceDbConnection(new LanceDbOptions
        {
            Uri = "db://mevd" + Guid.NewGuid().ToString("N")[..12],
            ApiKey = ApiKey,
            HostOverride = _emulator.Url,
            Retry = { BackoffFactor = 0.01, BackoffJitter = 0.01 },
        });
        DefaultVectorStore = new LanceDbVectorStore(_connection);
    }

    protected override async Task StopAsync()
    {
        _connection?.Dispose();
        _connection = null;
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }
    }
}
