using System.Diagnostics.Metrics;

namespace LanceOrm.Embeddings;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics"/> instruments of the embedding engine, all on the <c>LanceOrm</c> meter.
/// Listen with <c>dotnet-counters</c>, OpenTelemetry or a <see cref="MeterListener"/>.
/// </summary>
public static class EmbeddingMetrics
{
    /// <summary>The meter name: <c>LanceOrm</c>.</summary>
    public const string MeterName = "LanceOrm";

    /// <summary>Cache hits (tags: <c>function</c>, <c>tier</c> = <c>memory</c> or <c>disk</c>).</summary>
    public const string CacheHits = "lanceorm.embeddings.cache.hits";

    /// <summary>Cache misses, i.e. texts that had to be computed (tag: <c>function</c>).</summary>
    public const string CacheMisses = "lanceorm.embeddings.cache.misses";

    /// <summary>Texts run through a local model (tag: <c>model</c>).</summary>
    public const string TextsEmbedded = "lanceorm.embeddings.texts";

    /// <summary>Texts cut to the model's word-piece limit (tag: <c>model</c>).</summary>
    public const string Truncations = "lanceorm.embeddings.truncations";

    /// <summary>Inference batches run (tag: <c>model</c>).</summary>
    public const string Batches = "lanceorm.embeddings.batches";

    internal static readonly Meter Meter = new(MeterName);
    internal static readonly Counter<long> CacheHitCounter = Meter.CreateCounter<long>(CacheHits, "{text}", "Embedding cache hits.");
    internal static readonly Counter<long> CacheMissCounter = Meter.CreateCounter<long>(CacheMisses, "{text}", "Embedding cache misses.");
    internal static readonly Counter<long> TextsCounter = Meter.CreateCounter<long>(TextsEmbedded, "{text}", "Texts embedded by a local model.");
    internal static readonly Counter<long> TruncationCounter = Meter.CreateCounter<long>(Truncations, "{text}", "Texts truncated to the word-piece limit.");
    internal static readonly Counter<long> BatchCounter = Meter.CreateCounter<long>(Batches, "{batch}", "Inference batches run.");
}
