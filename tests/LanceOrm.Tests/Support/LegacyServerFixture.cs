using LanceOrm.Testing;

namespace LanceOrm.Tests.Support;

/// <summary>An emulator announcing no <c>phalanx-version</c> (read as 0.1.0: legacy full-text shape), for one test class.</summary>
public sealed class LegacyServerFixture : IAsyncLifetime
{
    private LanceDbEmulator? _emulator;

    public LanceDbEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public async ValueTask InitializeAsync() =>
        _emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = EmulatorFixture.ApiKey, ServerVersion = "none" }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
