namespace LanceOrm.Testing;

/// <summary>How to start the LanceDB REST emulator (a Node.js server over the real LanceDB engine).</summary>
public sealed class LanceDbEmulatorOptions
{
    /// <summary>
    /// The folder holding <c>server.mjs</c>. When null: env <c>LANCEORM_EMULATOR_DIR</c>, else the first
    /// <c>emulator/server.mjs</c> found walking up from <see cref="AppContext.BaseDirectory"/> and then from the current
    /// directory (a LanceOrm checkout), else the copy embedded in this assembly, extracted once per machine into
    /// <see cref="CacheDirectory"/>.
    /// </summary>
    public string? EmulatorDirectory { get; set; }

    /// <summary>
    /// Where the embedded emulator is extracted, one subfolder per emulator version (keyed by a hash of its sources),
    /// with its <c>node_modules</c>. When null: <c>$XDG_CACHE_HOME/lanceorm/emulator</c>, else
    /// <c>~/.cache/lanceorm/emulator</c> (on Windows <c>%LOCALAPPDATA%\lanceorm\emulator</c>).
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>The data folder; a fresh temporary one (deleted on dispose) when null.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>An API key the emulator requires (<c>--api-key</c>); none when null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Random fault rules as JSON (<c>--faults</c>), when set at start.</summary>
    public string? FaultsJson { get; set; }

    /// <summary>
    /// The server version the emulator announces in the <c>phalanx-version</c> header (<c>--server-version</c>), which
    /// gates request shapes in the official clients and LanceOrm (several query vectors in one body from 0.2.0, structured
    /// full-text queries from 0.3.0, multipart inserts from 0.4.0). When null: the emulator's default, 0.4.0;
    /// <c>"none"</c> sends no header (read as 0.1.0: legacy full-text shape).
    /// </summary>
    public string? ServerVersion { get; set; }

    /// <summary>
    /// The largest request body the emulator accepts (<c>--max-body-bytes</c>); larger ones are answered 413, as by a
    /// server behind a request-size limit. When null: 1 GiB.
    /// </summary>
    public long? MaxRequestBodyBytes { get; set; }

    /// <summary>The <c>node</c> executable (default <c>node</c> on PATH).</summary>
    public string NodePath { get; set; } = "node";

    /// <summary>The <c>npm</c> executable used to install dependencies when <c>node_modules</c> is missing (default <c>npm</c>).</summary>
    public string NpmPath { get; set; } = "npm";

    /// <summary>How long to wait for the ready line (default 60 s); installing the dependencies is not counted.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
