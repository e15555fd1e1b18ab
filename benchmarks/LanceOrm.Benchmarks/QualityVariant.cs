using LanceOrm.Embeddings;

namespace LanceOrm.Benchmarks;

/// <summary>A built-in embedding function at a precision, as the <c>quality</c> benchmark runs it.</summary>
internal sealed record QualityVariant(string Function, bool Int8)
{
    public static QualityVariant Parse(string name) =>
        name.EndsWith("-int8", StringComparison.Ordinal) ? new(name[..^5], true)
        : name.EndsWith("-fp32", StringComparison.Ordinal) ? new(name[..^5], false)
        : throw new ArgumentException($"Variant '{name}' must end in -fp32 or -int8.", nameof(name));

    private ModelPrecision Precision => Int8 ? ModelPrecision.Int8 : ModelPrecision.Float32;

    /// <summary>
    /// A registry configured for this variant, its models resolved as an application's would be (the restored NuGet
    /// packages, <c>LANCEORM_MODEL_DIR</c> for MiniLM; no download), on the CPU so that the figures do not depend on
    /// the machine.
    /// </summary>
    public EmbeddingRegistry CreateRegistry() => new(new EmbeddingRegistryOptions
    {
        MiniLm = { AllowDownload = false, Precision = Precision, ExecutionProvider = OnnxExecutionProvider.Cpu },
        ArcticXs = { AllowDownload = false, Precision = Precision, ExecutionProvider = OnnxExecutionProvider.Cpu },
    });

    /// <summary>The corpus, embedded as documents (LanceDB's source embeddings).</summary>
    public static Task EmbedDocumentsAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedAsync(texts, destination);

    /// <summary>The queries, embedded as queries (arctic-xs adds its query prefix).</summary>
    public static Task EmbedQueriesAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedQueriesAsync(texts, destination);

    public override string ToString() => $"{Function} {(Int8 ? "int8" : "fp32")}";
}
