using LanceOrm.Testing;

[assembly: AssemblyFixture(typeof(LanceOrm.VectorData.Tests.Support.EmulatorFixture))]

namespace LanceOrm.VectorData.Tests.Support;

/// <summary>One emulator for the test assembly; each test connects to its own database, so tests run in parallel.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-SECRET-vectordata-0123456789";

    private LanceDbEmulator? _emulator;

    public LanceDbEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public async ValueTask InitializeAsync() =>
        _emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = ApiKey }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>A connection to a fresh database of the emulator.</summary>
    public LanceDbConnection Connect() => new(new LanceDbOptions
    {
        Uri = "db://v" + Guid.NewGuid().ToString("N")[..16],
        ApiKey = ApiKey,
        HostOverride = Emulator.Url,
        Retry = { BackoffFactor = 0.01, BackoffJitter = 0.01 },
    });
}
