using LanceOrm.Testing;

namespace LanceOrm.Tests.Support;

/// <summary>
/// Two emulators refusing request bodies over 4 MB with 413, as a server behind a request-size limit: one announcing
/// no version (plain inserts), one announcing 0.4.0 (multipart inserts).
/// </summary>
public sealed class CappedEmulators : IAsyncLifetime
{
    public const long BodyCap = 4_000_000;

    private LanceDbEmulator? _legacy;
    private LanceDbEmulator? _multipart;

    /// <summary>Capped, no <c>phalanx-version</c> (read as 0.1.0).</summary>
    public LanceDbEmulator Legacy => _legacy ?? throw new InvalidOperationException("Not started.");

    /// <summary>Capped, <c>phalanx-version: 0.4.0</c>.</summary>
    public LanceDbEmulator Multipart => _multipart ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var legacy = LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = EmulatorFixture.ApiKey, MaxRequestBodyBytes = BodyCap, ServerVersion = "none" }, ct);
        var multipart = LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = EmulatorFixture.ApiKey, MaxRequestBodyBytes = BodyCap, ServerVersion = "0.4.0" }, ct);
        _legacy = await legacy;
        _multipart = await multipart;
    }

    public async ValueTask DisposeAsync()
    {
        if (_legacy is not null)
        {
            await _legacy.DisposeAsync();
        }

        if (_multipart is not null)
        {
            await _multipart.DisposeAsync();
        }
    }
}
