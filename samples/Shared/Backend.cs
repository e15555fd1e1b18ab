using LanceOrm;
using LanceOrm.Testing;

namespace LanceOrm.Samples;

/// <summary>
/// Where the sample's table lives: LanceDB Cloud (or Enterprise) when <c>LANCEDB_URI</c> is set, else the local
/// emulator (the real LanceDB engine behind the same REST protocol) on a temporary folder, stopped on dispose.
/// Shared by the samples (linked into each project).
/// </summary>
public sealed class Backend : IAsyncDisposable
{
    private readonly LanceDbEmulator? _emulator;

    private Backend(LanceDbOptions options, string description, LanceDbEmulator? emulator)
    {
        Options = options;
        Description = description;
        _emulator = emulator;
    }

    /// <summary>Connection options, without the embedding registry (the caller sets it).</summary>
    public LanceDbOptions Options { get; }

    /// <summary>A one-line description for the console (never contains the API key).</summary>
    public string Description { get; }

    public bool IsEmulator => _emulator is not null;

    /// <summary>Connects to LanceDB Cloud from the environment, else starts the emulator with a database named after the sample.</summary>
    public static async Task<Backend> StartAsync(string sample, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("LANCEDB_URI") is { Length: > 0 } uri)
        {
            var options = new LanceDbOptions
            {
                Uri = uri,
                ApiKey = Environment.GetEnvironmentVariable("LANCEDB_API_KEY"),
            };
            if (Environment.GetEnvironmentVariable("LANCEDB_REGION") is { Length: > 0 } region)
            {
                options.Region = region;
            }

            var host = Environment.GetEnvironmentVariable("LANCEDB_HOST_OVERRIDE");
            if (host is { Length: > 0 })
            {
                options.HostOverride = new Uri(host);
            }

            var where = host is { Length: > 0 } ? $"at {host}" : $"on LanceDB Cloud, region {options.Region}";
            return new Backend(options, $"remote database {uri} {where}", emulator: null);
        }

        var apiKey = sample + "-" + Guid.NewGuid().ToString("N");
        var emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = apiKey }, cancellationToken);
        var local = new LanceDbOptions { Uri = "db://" + sample, ApiKey = apiKey, HostOverride = emulator.Url };
        return new Backend(local, $"local emulator at {emulator.Url} (set LANCEDB_URI and LANCEDB_API_KEY to use LanceDB Cloud)", emulator);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
