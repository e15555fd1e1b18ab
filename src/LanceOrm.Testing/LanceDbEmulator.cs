using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LanceOrm.Testing;

/// <summary>
/// Starts the LanceDB REST emulator (<c>node server.mjs --port 0 --data …</c>, the real LanceDB engine behind the
/// remote-table protocol; needs Node.js 20 and npm) as a child process for tests, samples and local development, and
/// stops it on dispose. Its stdin is a pipe held by this process, so the emulator also exits when this process dies.
/// Binds 127.0.0.1 only. Connect LanceOrm to it by setting <c>LanceDbOptions.HostOverride</c> to <see cref="Url"/>:
/// <code>
/// await using var emulator = await LanceDbEmulator.StartAsync();
/// var options = new LanceDbOptions { Uri = "db://dev", ApiKey = "any", HostOverride = emulator.Url };
/// </code>
/// The emulator's sources are embedded in this assembly; unless <see cref="LanceDbEmulatorOptions.EmulatorDirectory"/>,
/// <c>LANCEORM_EMULATOR_DIR</c> or a LanceOrm checkout's <c>emulator/</c> folder points elsewhere, they are extracted
/// once per machine into <see cref="LanceDbEmulatorOptions.CacheDirectory"/>, where <c>npm ci</c> runs once.
/// </summary>
public sealed class LanceDbEmulator : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _ownedDataDirectory;
    private readonly StringBuilder _stderr;
    private readonly HttpClient _admin;

    private LanceDbEmulator(Process process, Uri url, string dataDirectory, string? ownedDataDirectory, StringBuilder stderr, string? apiKey)
    {
        _process = process;
        Url = url;
        DataDirectory = dataDirectory;
        _ownedDataDirectory = ownedDataDirectory;
        _stderr = stderr;
        _admin = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            _admin.DefaultRequestHeaders.TryAddWithoutValidation("x-api-key", apiKey);
        }
    }

    /// <summary>The emulator's base URL, e.g. <c>http://127.0.0.1:41234/</c> (use it as <c>LanceDbOptions.HostOverride</c>).</summary>
    public Uri Url { get; }

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>What the emulator wrote to stderr so far (diagnostics).</summary>
    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Finds the emulator (or extracts the embedded one into the user cache), installs its dependencies if needed
    /// (<c>npm ci</c>, once), starts it and waits for its URL.
    /// </summary>
    /// <param name="options">How to start it; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start (extraction, install and the wait for the URL).</param>
    /// <exception cref="InvalidOperationException">A configured emulator folder has no <c>server.mjs</c>, <c>npm ci</c> failed, or the process failed to start (its stderr is in the message).</exception>
    public static async Task<LanceDbEmulator> StartAsync(LanceDbEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LanceDbEmulatorOptions();
        var directory = FindEmulatorDirectory(options)
                        ?? await EmulatorCache.EnsureAsync(
                            options.CacheDirectory ?? EmulatorCache.DefaultRoot(Environment.GetEnvironmentVariable),
                            EmulatorCache.EmbeddedSources,
                            (folder, ct) => RunNpmCiAsync(options, folder, ct),
                            cancellationToken).ConfigureAwait(false);
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            await RunNpmCiAsync(options, directory, cancellationToken).ConfigureAwait(false);
        }

        string? owned = null;
        var data = options.DataDirectory;
        if (data is null)
        {
            owned = data = Path.Combine(Path.GetTempPath(), "lanceorm-emulator-" + Guid.NewGuid().ToString("N"));
        }

        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(options.NodePath)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        if (options.ApiKey is not null)
        {
            start.ArgumentList.Add("--api-key");
            start.ArgumentList.Add(options.ApiKey);
        }

        if (options.FaultsJson is not null)
        {
            start.ArgumentList.Add("--faults");
            start.ArgumentList.Add(options.FaultsJson);
        }

        if (options.ServerVersion is not null)
        {
            start.ArgumentList.Add("--server-version");
            start.ArgumentList.Add(options.ServerVersion);
        }

        if (options.MaxRequestBodyBytes is { } maxBody)
        {
            start.ArgumentList.Add("--max-body-bytes");
            start.ArgumentList.Add(maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var stderr = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    if (stderr.Length < 1_000_000)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{options.NodePath}'.");
        }

        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            line = null;
        }

        if (line is null || !TryReadUrl(line, out var url))
        {
            Kill(process);
            string log;
            lock (stderr)
            {
                log = stderr.ToString();
            }

            throw new InvalidOperationException($"The LanceDB emulator in '{directory}' did not report its URL (got: {line ?? "nothing"}). Its stderr:\n{log}");
        }

        // Keep draining stdout so the child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new LanceDbEmulator(process, url, data, owned, stderr, options.ApiKey);
    }

    /// <summary>Installs random fault rules (<c>POST /_emulator/faults</c>).</summary>
    /// <param name="faultsJson">The rules as JSON (see the emulator's README).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task SetFaultsAsync(string faultsJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(faultsJson);
        using var content = new StringContent(faultsJson, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _admin.PostAsync(new Uri("/_emulator/faults", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes random fault rules (<c>DELETE /_emulator/faults</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _admin.DeleteAsync(new Uri("/_emulator/faults", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the emulator (closes its stdin, then kills it if it lingers) and deletes a temporary data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill(_process);
                }
            }
        }
        finally
        {
            _process.Dispose();
            if (_ownedDataDirectory is not null)
            {
                try
                {
                    Directory.Delete(_ownedDataDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceDbEmulator {{ Url = {Url}, Data = {DataDirectory} }}";

    /// <summary>
    /// The emulator folder given by <see cref="LanceDbEmulatorOptions.EmulatorDirectory"/>, else by
    /// <c>LANCEORM_EMULATOR_DIR</c>, else the first <c>emulator/server.mjs</c> above <see cref="AppContext.BaseDirectory"/>
    /// or the current directory; null when none applies (then the embedded copy is used).
    /// </summary>
    internal static string? FindEmulatorDirectory(LanceDbEmulatorOptions options)
    {
        if (options.EmulatorDirectory is { } explicitDirectory)
        {
            return File.Exists(Path.Combine(explicitDirectory, "server.mjs"))
                ? Path.GetFullPath(explicitDirectory)
                : throw new InvalidOperationException($"No server.mjs in the configured emulator folder '{explicitDirectory}'.");
        }

        if (Environment.GetEnvironmentVariable("LANCEORM_EMULATOR_DIR") is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(Path.Combine(fromEnvironment, "server.mjs"))
                ? Path.GetFullPath(fromEnvironment)
                : throw new InvalidOperationException($"No server.mjs in LANCEORM_EMULATOR_DIR '{fromEnvironment}'.");
        }

        // A LanceOrm checkout (its tests and samples): the repository's own emulator/ folder.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "emulator");
                if (File.Exists(Path.Combine(candidate, "server.mjs")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task RunNpmCiAsync(LanceDbEmulatorOptions options, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.NpmPath)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ci");
        start.ArgumentList.Add("--no-audit");
        start.ArgumentList.Add("--no-fund");
        using var npm = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{options.NpmPath}'.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' failed in '{directory}' (exit {npm.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }

    private static bool TryReadUrl(string line, out Uri url)
    {
        url = null!;
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("url", out var value) && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var parsed))
            {
                url = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"The emulator answered {(int)response.StatusCode}: {body}");
        }
    }
}
