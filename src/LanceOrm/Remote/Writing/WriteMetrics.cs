using System.Diagnostics.Metrics;
using LanceOrm.Embeddings;

namespace LanceOrm;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics"/> instruments of the write pipeline, on the <c>LanceOrm</c> meter
/// (<see cref="EmbeddingMetrics.MeterName"/>): how long each stage of each batch took, and the bytes uploaded.
/// </summary>
public static class WriteMetrics
{
    /// <summary>Seconds one batch spent in one stage (tags: <c>stage</c> = one of the <c>Stage*</c> names, <c>table</c>).</summary>
    public const string StageDuration = "lanceorm.write.stage.duration";

    /// <summary>Arrow IPC request-body bytes of write batches as encoded (tag: <c>table</c>); retries are not counted again.</summary>
    public const string BodyBytes = "lanceorm.write.body.bytes";

    /// <summary>Stage: filling the vector columns (cache lookups, then local inference for the misses).</summary>
    public const string StageEmbed = "embed";

    /// <summary>Stage: building the Arrow record batch from the entities (the generated mapper).</summary>
    public const string StageArrow = "arrow";

    /// <summary>Stage: serializing the batch as an LZ4_FRAME-compressed Arrow IPC stream.</summary>
    public const string StageEncode = "encode";

    /// <summary>Stage: the HTTP <c>merge_insert</c> round trip (retries included) until the server acknowledged the batch.</summary>
    public const string StageUpload = "upload";

    internal static readonly Histogram<double> StageHistogram =
        EmbeddingMetrics.Meter.CreateHistogram<double>(StageDuration, "s", "Time one write batch spent in one pipeline stage.");

    internal static readonly Counter<long> BodyBytesCounter =
        EmbeddingMetrics.Meter.CreateCounter<long>(BodyBytes, "By", "Arrow IPC bytes of write request bodies.");

    internal static void Stage(string stage, string table, TimeSpan elapsed) =>
        StageHistogram.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("table", table));
}
