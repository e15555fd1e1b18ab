using System.Diagnostics.Metrics;

namespace LanceOrm.Embeddings;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics"/> instruments of the embedding engine, all on the <c>LanceOrm</c> meter
/// (named in <see cref="LanceOrmTelemetry"/>, which lists every LanceOrm instrument).
/// Listen with <c>dotnet-counters</c>, OpenTelemetry or a <see cref="MeterListener"/>.
/// </summary>
public static class EmbeddingMetrics
{
    /// <summary>The meter name: <c>LanceOrm</c>.</summary>
    public const string MeterName = LanceOrmTelemetry.Name;

    /// <summary>Cache hits (tags: <c>function</c>, <c>tier</c> = <c>memory</c> or <c>disk</c>).</summary>
    public const string CacheHits = LanceOrmTelemetry.CacheHits;

    /// <summary>Cache misses, i.e. texts that had to be computed (tag: <c>function</c>).</summary>
    public const string CacheMisses = LanceOrmTelemetry.CacheMisses;

    /// <summary>Texts run through a local model (tag: <c>model</c>).</summary>
    public const string TextsEmbedded = LanceOrmTelemetry.TextsEmbedded;

    /// <summary>Texts cut to the model's word-piece limit (tag: <c>model</c>).</summary>
    public const string Truncations = LanceOrmTelemetry.Truncations;

    /// <summary>Inference batches run (tag: <c>model</c>).</summary>
    public const string Batches = LanceOrmTelemetry.Batches;

    internal static Meter Meter => LanceOrmTelemetry.Meter;
    internal static Counter<long> TextsCounter => LanceOrmTelemetry.TextsCounter;
    internal static Counter<long> TruncationCounter => LanceOrmTelemetry.TruncationCounter;
    internal static Counter<long> BatchCounter => LanceOrmTelemetry.BatchCounter;
}
