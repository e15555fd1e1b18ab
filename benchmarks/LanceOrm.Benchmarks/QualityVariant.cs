using LanceOrm.Embeddings;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Benchmarks;

/// <summary>A built-in embedding function at a precision, as the <c>quality</c> benchmark runs it.</summary>
internal sealed record QualityVariant(string Function, bool Int8)
{
    public static QualityVariant Parse(string name) =>
        name.EndsWith("-int8", StringComparison.Ordinal) ? new(name[..^5], true)
        : name.EndsWith("-fp32", StringComparison.Ordinal) ? new(name[..^5], false)
        : throw new ArgumentException($"Variant '{name}' must end in -fp32 or -int8.", nameof(name));

    /// <summary>A registry configured for this variant, the model resolved as an application would (no download).</summary>
    public EmbeddingRegistry CreateRegistry() => new(new EmbeddingRegistryOptions
    {
        MiniLm = { ModelDirectory = SharedModelFiles.RealModelDirectory, AllowDownload = false, UseInt8 = Int8 },
    });

    public Task EmbedDocumentsAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedAsync(texts, destination);

    public Task EmbedQueriesAsync(EmbeddingFunction function, string[] texts, float[] destination) =>
        function.EmbedAsync(texts, destination);

    public override string ToString() => $"{Function} {(Int8 ? "int8" : "fp32")}";
}
