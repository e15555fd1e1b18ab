using System.Globalization;
using System.Text.Json;

namespace LanceOrm.Benchmarks;

/// <summary>Runs <c>benchmarks/node/lancedb-bench.mjs</c> (the official TS client) and reads its JSON result.</summary>
internal sealed class NodeClient(string script, string modelsRoot, Uri url, BenchOptions options)
{
    private readonly string _work = Directory.CreateTempSubdirectory("lanceorm-bench-node-").FullName;

    public static NodeClient? Create(BenchEnvironment environment, Embeddings.ModelFiles model)
    {
        if (environment.Options.SkipNode)
        {
            return null;
        }

        var script = BenchEnvironment.NodeScript("lancedb-bench.mjs");
        if (script is null)
        {
            Console.WriteLine("TS baseline skipped: benchmarks/node is not installed; run `ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm ci --prefix benchmarks/node`.");
            return null;
        }

        return new NodeClient(script, BenchEnvironment.PrepareTransformersRoot(model, environment.Options), environment.Url, environment.Options);
    }

    public string WriteJson(string name, object value)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, JsonSerializer.Serialize(value));
        return path;
    }

    public JsonElement Run(string command, params string[] arguments)
    {
        var output = Path.Combine(_work, $"{command}-{Guid.NewGuid():N}.json");
        var all = new List<string> { script, command, "--url", url.ToString().TrimEnd('/'), "--models", modelsRoot, "--api-key", BenchEnvironment.ApiKey, "--out", output };
        all.AddRange(arguments);
        var (exitCode, text) = BenchEnvironment.RunProcess(options.Node, all, Path.GetDirectoryName(script)!);
        if (exitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"The TS client failed ({command}, exit {exitCode}): {text}");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(output));
        return document.RootElement.Clone();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
