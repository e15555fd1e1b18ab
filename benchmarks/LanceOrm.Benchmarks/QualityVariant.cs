using LanceOrm.Embeddings;
using LanceOrm.Embeddings.Onnx;

namespace LanceOrm.Benchmarks;

/// <summary>A built-in embedding function at a precision, as the <c>quality</c> benchmark runs it.</summary>
internal sealed record QualityVariant(string Function, bool Int8)
{
    public static QualityVariant Parse(string name) =>
        name.EndsWith("-int8", StringComparison.Ordinal) ? new(name[..^5], true)
        : name.EndsWith("-fp32", StringComparison.Ordinal) ? new(name[..^5], false)
        : throw new ArgumentException($"Variant '{name}' must end in -fp32 or -int8.", nameof(name));

    /// <summary>
    /// A registry configured for this variant as an application would configure it: models from the restored NuGet
    /// packages (no download), <see cref="ModelPrecision"/> set, on the CPU so that the figures do not depend on the
    /// machine. For int8 the library produces the model from the fp32 one on first use and keeps it in its model cache.
    /// </summary>
    public EmbeddingRegistry CreateRegistry()
    {
        var precision = Int8 ? ModelPrecision.Int8 : ModelPrecision.Float32;
        return new EmbeddingRegistry(new EmbeddingRegistryOptions
        {
            MiniLm = { AllowDownload = false, Precision = precision, ExecutionProvider = OnnxExecutionProvider.Cpu },
            ArcticXs = { AllowDownload = false, Precision = precision, ExecutionProvider = OnnxExecutionProvider.Cpu },
        });
    }

    /// <summary>The corpus, embedded as documents (LanceDB's source embeddings).</summary>
    public static Task EmbedDocumentsAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedAsync(texts, destination);

    /// <summary>The queries, embedded as queries (arctic-xs adds its query prefix).</summary>
    public static Task EmbedQueriesAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedQueriesAsync(texts, destination);

    public override string ToString() => $"{Function} {(Int8 ? "int8" : "fp32")}";
}
