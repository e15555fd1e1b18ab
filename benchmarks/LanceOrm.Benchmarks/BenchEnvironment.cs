using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using LanceOrm.Embeddings;
using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Testing;

namespace LanceOrm.Benchmarks;

/// <summary>
/// What every side-by-side benchmark shares: one emulator (started here, or <c>--url</c>), the real model files (resolved
/// as the library resolves them: <c>--model-dir</c>, <c>LANCEORM_MODEL_DIR</c>, the restored NuGet package, the user cache)
/// and the same files laid out for transformers.js.
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly LanceDbEmulator? _emulator;

    private BenchEnvironment(LanceDbEmulator? emulator, Uri url, BenchOptions options)
    {
        _emulator = emulator;
        Url = url;
        Options = options;
    }

    public Uri Url { get; }

    public BenchOptions Options { get; }

    public static async Task<BenchEnvironment> StartAsync(BenchOptions options)
    {
        if (options.Url is { } url)
        {
            return new BenchEnvironment(null, new Uri(url), options);
        }

        var emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = ApiKey });
        return new BenchEnvironment(emulator, emulator.Url, options);
    }

    /// <summary>A connection with a new registry (so a new, empty embedding cache) sized to hold <paramref name="cacheEntries"/>.</summary>
    public Task<LanceDbConnection> ConnectAsync(int cacheEntries, ModelFiles? model, HttpMessageHandler? httpHandler = null)
    {
        var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions
        {
            MiniLm = { ModelDirectory = model?.Directory, AllowDownload = false },
            Cache = { MaxEntries = cacheEntries },
        });
        return Task.FromResult(new LanceDbConnection(
            new LanceDbOptions
            {
                Uri = "db://bench",
                ApiKey = ApiKey,
                HostOverride = Url,
                WriteBatchSize = Options.WriteBatch,
                WritePipelineDepth = Options.Depth,
            },
            registry,
            httpHandler: httpHandler));
    }

    public static async Task<ModelFiles> ResolveModelAsync(BenchOptions options)
    {
        var files = await new ModelResolver(new MiniLmOptions { ModelDirectory = options.ModelDirectory, AllowDownload = false }).ResolveAsync();
        return files;
    }

    public static void PrintHeader(string title, ModelFiles? model)
    {
        Console.WriteLine($"== {title} ==");
        Console.WriteLine($"date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} logical cores; {TotalMemoryGiB():F0} GiB; {Environment.OSVersion}; .NET {Environment.Version}; load average {LoadAverage()}");
        if (model is not null)
        {
            Console.WriteLine($"model {model.ModelPath} ({new FileInfo(model.ModelPath).Length:N0} bytes, sha256 {Sha256(model.ModelPath)[..16]}…, from {model.Origin})");
        }
    }

    /// <summary>The 1-minute load average (the machines here are shared; the report quotes it).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Peak resident set size of this process (VmHWM), in bytes.</summary>
    public static long PeakRss()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    /// <summary>
    /// The transformers.js model root for the TS client's <c>huggingface</c> function: the same model.onnx (keeping only the
    /// <c>last_hidden_state</c> output, which the TS function takes as the first output) and the tokenizer files.
    /// </summary>
    public static string PrepareTransformersRoot(ModelFiles model, BenchOptions options) => PrepareTransformersRoot(model, options.Node);

    /// <inheritdoc cref="PrepareTransformersRoot(ModelFiles, BenchOptions)"/>
    public static string PrepareTransformersRoot(ModelFiles model, string node)
    {
        // Cached per model file: the root is only written once for a given model.onnx.
        var root = Path.Combine(Path.GetTempPath(), "lanceorm-bench", "tfjs-" + Sha256(model.ModelPath)[..16]);
        if (!File.Exists(Path.Combine(root, "Xenova", "all-MiniLM-L6-v2", "onnx", "model.onnx")))
        {
            TransformersModelRoot.Create(root, model, node);
        }

        return root;
    }

    public static string? NodeScript(string name)
    {
        var script = FindUp(Path.Combine("benchmarks", "node", name));
        return script is not null && Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "@lancedb", "lancedb")) ? script : null;
    }

    public static string? FindUp(string relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static (int ExitCode, string Output) RunProcess(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static double TotalMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
