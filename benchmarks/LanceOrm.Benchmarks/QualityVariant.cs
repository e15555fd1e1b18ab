using LanceOrm.Embeddings;
using LanceOrm.Embeddings.Onnx;
using LanceOrm.Embeddings.Quantization;

namespace LanceOrm.Benchmarks;

/// <summary>A built-in embedding function at a precision, as the <c>quality</c> benchmark runs it.</summary>
internal sealed record QualityVariant(string Function, bool Int8)
{
    public static QualityVariant Parse(string name) =>
        name.EndsWith("-int8", StringComparison.Ordinal) ? new(name[..^5], true)
        : name.EndsWith("-fp32", StringComparison.Ordinal) ? new(name[..^5], false)
        : throw new ArgumentException($"Variant '{name}' must end in -fp32 or -int8.", nameof(name));

    /// <summary>
    /// A registry configured for this variant, its models resolved as an application's would be (the restored NuGet
    /// packages; no download), on the CPU so that the figures do not depend on the machine. For int8 the model is
    /// produced from the fp32 one by the library's quantizer (<see cref="Int8ModelCache"/>) into a benchmark-owned
    /// folder, which the function's options point at (as the <c>embeddings</c> benchmark does).
    /// </summary>
    public async Task<EmbeddingRegistry> CreateRegistryAsync()
    {
        var options = new EmbeddingRegistryOptions
        {
            MiniLm = { AllowDownload = false, ExecutionProvider = OnnxExecutionProvider.Cpu },
            ArcticXs = { AllowDownload = false, ExecutionProvider = OnnxExecutionProvider.Cpu },
        };
        if (Int8)
        {
            TextModelOptions model = Function == "arctic-xs" ? options.ArcticXs : options.MiniLm;
            model.ModelDirectory = await Int8FolderAsync(model);
            model.Precision = ModelPrecision.Int8;
        }

        return new EmbeddingRegistry(options);
    }

    /// <summary>The corpus, embedded as documents (LanceDB's source embeddings).</summary>
    public static Task EmbedDocumentsAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedAsync(texts, destination);

    /// <summary>The queries, embedded as queries (arctic-xs adds its query prefix).</summary>
    public static Task EmbedQueriesAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedQueriesAsync(texts, destination);

    public override string ToString() => $"{Function} {(Int8 ? "int8" : "fp32")}";

    private async Task<string> Int8FolderAsync(TextModelOptions model)
    {
        var fp32 = await new ModelResolver(model).ResolveAsync();
        var root = Path.Combine(Path.GetTempPath(), "lanceorm-bench");
        var produced = await Int8ModelCache.GetOrCreateAsync(fp32.ModelPath, Path.Combine(root, "int8-cache", Function));
        var folder = Path.Combine(root, $"quality-int8-{Function}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "onnx"));
        File.Copy(fp32.VocabularyPath, Path.Combine(folder, "vocab.txt"));
        File.Copy(produced, Path.Combine(folder, "onnx", "model_qint8_avx512.onnx"));
        return folder;
    }
}
