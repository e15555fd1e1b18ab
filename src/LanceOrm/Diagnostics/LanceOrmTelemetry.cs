using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LanceOrm.Diagnostics;

/// <summary>
/// The one place that owns LanceOrm's telemetry: the <c>LanceOrm</c> <see cref="System.Diagnostics.Metrics.Meter"/> with
/// its instruments and the <c>LanceOrm</c> <see cref="System.Diagnostics.ActivitySource"/> with its spans. Listen with
/// OpenTelemetry (<c>AddMeter("LanceOrm")</c>, <c>AddSource("LanceOrm")</c>), <c>dotnet-counters</c>, a
/// <see cref="MeterListener"/> or an <see cref="ActivityListener"/>. Tags never carry keys, texts or filters.
/// </summary>
public static class LanceOrmTelemetry
{
    /// <summary>The meter and activity source name: <c>LanceOrm</c>.</summary>
    public const string Name = "LanceOrm";

    // ---- instruments -------------------------------------------------------------------------------------------

    /// <summary>Counter (<c>{text}</c>): embedding cache hits. Tags: <see cref="FunctionTag"/>, <c>tier</c> (<c>memory</c> or <c>disk</c>).</summary>
    public const string CacheHits = "lanceorm.embeddings.cache.hits";

    /// <summary>Counter (<c>{text}</c>): embedding cache misses, i.e. texts that had to be computed. Tag: <see cref="FunctionTag"/>.</summary>
    public const string CacheMisses = "lanceorm.embeddings.cache.misses";

    /// <summary>Observable gauge (<c>1</c>): hits / (hits + misses) of the embedding cache since the process started. Tag: <see cref="FunctionTag"/>.</summary>
    public const string CacheHitRatio = "lanceorm.embeddings.cache.hit_ratio";

    /// <summary>Counter (<c>{text}</c>): texts run through a local model. Tag: <c>model</c>.</summary>
    public const string TextsEmbedded = "lanceorm.embeddings.texts";

    /// <summary>Counter (<c>{image}</c>): images run through a local model (<c>resnet18</c>). Tag: <c>model</c>.</summary>
    public const string ImagesEmbedded = "lanceorm.embeddings.images";

    /// <summary>Counter (<c>{text}</c>): texts cut to the model's word-piece limit. Tag: <c>model</c>.</summary>
    public const string Truncations = "lanceorm.embeddings.truncations";

    /// <summary>Counter (<c>{batch}</c>): inference batches run by a local model. Tag: <c>model</c>.</summary>
    public const string Batches = "lanceorm.embeddings.batches";

    /// <summary>
    /// Counter (<c>{fallback}</c>): a local model moved from its accelerator (for example CUDA) to the CPU, because the
    /// provider failed to start or a run on it failed. Tags: <c>model</c>, <c>provider</c> (the one that failed),
    /// <see cref="StageTag"/> (<c>start</c> or <c>run</c>).
    /// </summary>
    public const string ProviderFallbacks = "lanceorm.embeddings.provider_fallbacks";

    /// <summary>Counter (<c>{row}</c>): rows (or query texts) given a vector by an embedding function, cached or computed. Tags: <see cref="FunctionTag"/>, <see cref="TableTag"/> (when known).</summary>
    public const string RowsEmbedded = "lanceorm.embeddings.rows";

    /// <summary>Histogram (<c>s</c>): time of one embedding call (cache look-ups and computing). Tag: <see cref="FunctionTag"/>.</summary>
    public const string EmbeddingDuration = "lanceorm.embeddings.duration";

    /// <summary>Histogram (<c>s</c>): time of one logical request to the server, retries included. Tags: <see cref="OperationTag"/>, <see cref="StatusTag"/> (absent when no response), <see cref="ErrorTypeTag"/> (on failure).</summary>
    public const string RequestDuration = "lanceorm.client.request.duration";

    /// <summary>Counter (<c>By</c>): request body bytes sent, every attempt counted. Tag: <see cref="OperationTag"/>.</summary>
    public const string BytesSent = "lanceorm.client.bytes_sent";

    /// <summary>Counter (<c>{retry}</c>): attempts that failed and were retried. Tags: <see cref="OperationTag"/>, <see cref="RetryReasonTag"/>, <see cref="StatusTag"/> (status failures).</summary>
    public const string Retries = "lanceorm.client.retries";

    /// <summary>Counter (<c>{row}</c>): rows acknowledged by the server in add/upsert batches. Tags: <see cref="TableTag"/>, <see cref="OperationTag"/>.</summary>
    public const string RowsWritten = "lanceorm.client.rows_written";

    /// <summary>Histogram (<c>s</c>): time one write batch spent in one pipeline stage. Tags: <see cref="StageTag"/> (one of the <c>Stage*</c> names), <see cref="TableTag"/>.</summary>
    public const string WriteStageDuration = "lanceorm.write.stage.duration";

    /// <summary>Counter (<c>By</c>): Arrow IPC request-body bytes of write batches as encoded (retries not counted again). Tag: <see cref="TableTag"/>.</summary>
    public const string WriteBodyBytes = "lanceorm.write.body.bytes";

    /// <summary>Write stage: filling the vector columns (cache look-ups, then local inference for the misses).</summary>
    public const string StageEmbed = "embed";

    /// <summary>Write stage: building the Arrow record batch from the entities (the generated mapper).</summary>
    public const string StageArrow = "arrow";

    /// <summary>Write stage: serializing the batch as an LZ4_FRAME-compressed Arrow IPC stream.</summary>
    public const string StageEncode = "encode";

    /// <summary>Write stage: the <c>merge_insert</c> round trip (retries included) until the server acknowledged the batch.</summary>
    public const string StageUpload = "upload";

    // ---- spans -------------------------------------------------------------------------------------------------

    /// <summary>Span around embedding a batch of rows or a query text. Tags: <see cref="TableTag"/>, <see cref="RowsTag"/>, <see cref="FunctionTag"/>.</summary>
    public const string EmbedActivity = "lanceorm.embed";

    /// <summary>Span around uploading one write batch (<c>merge_insert</c>), retries included. Tags: <see cref="TableTag"/>, <see cref="RowsTag"/>, <see cref="RequestIdTag"/>, <see cref="OperationTag"/>, <see cref="StatusTag"/>, <see cref="AttemptsTag"/>.</summary>
    public const string UploadActivity = "lanceorm.upload";

    /// <summary>Span around one query request (vector, full-text or plain). Tags: <see cref="TableTag"/>, <see cref="RequestIdTag"/>, <see cref="OperationTag"/>, <see cref="StatusTag"/>, <see cref="AttemptsTag"/>.</summary>
    public const string QueryActivity = "lanceorm.query";

    /// <summary>Span around any other request (create, describe, count, update, delete, index, list, drop). Same tags as <see cref="QueryActivity"/>.</summary>
    public const string RequestActivity = "lanceorm.request";

    // ---- tags --------------------------------------------------------------------------------------------------

    /// <summary>Tag: the table name.</summary>
    public const string TableTag = "lanceorm.table";

    /// <summary>Tag: rows in the batch (upload, embed).</summary>
    public const string RowsTag = "lanceorm.rows";

    /// <summary>Tag: the <c>x-request-id</c> shared by every attempt of the call.</summary>
    public const string RequestIdTag = "lanceorm.request_id";

    /// <summary>Tag: the operation (<c>add</c>, <c>upsert</c>, <c>query</c>, <c>count_rows</c>, <c>create_table</c>, …).</summary>
    public const string OperationTag = "lanceorm.operation";

    /// <summary>Tag: the embedding function name.</summary>
    public const string FunctionTag = "function";

    /// <summary>Tag: the HTTP status of the final response.</summary>
    public const string StatusTag = "http.response.status_code";

    /// <summary>Tag: the error type (exception type name, or the status code) of a failed call.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag: why an attempt was retried (<c>status</c>, <c>connect</c>, <c>read</c>).</summary>
    public const string RetryReasonTag = "lanceorm.retry.reason";

    /// <summary>Tag: attempts made by the call.</summary>
    public const string AttemptsTag = "lanceorm.attempts";

    /// <summary>Tag: the write pipeline stage (<see cref="StageEmbed"/>, <see cref="StageArrow"/>, <see cref="StageEncode"/>, <see cref="StageUpload"/>).</summary>
    public const string StageTag = "stage";

    /// <summary>Tag: the local model (<c>all-MiniLM-L6-v2</c>, …).</summary>
    public const string ModelTag = "model";

    /// <summary>The library version (informational, without build metadata): the meter's and source's version and the <c>User-Agent</c>'s.</summary>
    internal static readonly string Version =
        (typeof(LanceOrmTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static readonly ConcurrentDictionary<string, CacheTotals> CacheTotalsByFunction = new(StringComparer.Ordinal);

    internal static readonly Meter Meter = new(Name, Version);
    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Counter<long> CacheHitCounter = Meter.CreateCounter<long>(CacheHits, "{text}", "Embedding cache hits.");
    internal static readonly Counter<long> CacheMissCounter = Meter.CreateCounter<long>(CacheMisses, "{text}", "Embedding cache misses.");
    internal static readonly Counter<long> TextsCounter = Meter.CreateCounter<long>(TextsEmbedded, "{text}", "Texts embedded by a local model.");
    internal static readonly Counter<long> ImagesCounter = Meter.CreateCounter<long>(ImagesEmbedded, "{image}", "Images embedded by a local model.");
    internal static readonly Counter<long> TruncationCounter = Meter.CreateCounter<long>(Truncations, "{text}", "Texts truncated to the word-piece limit.");
    internal static readonly Counter<long> ProviderFallbackCounter = Meter.CreateCounter<long>(ProviderFallbacks, "{fallback}", "Local models moved from an accelerator to the CPU.");
    internal static readonly Counter<long> BatchCounter = Meter.CreateCounter<long>(Batches, "{batch}", "Inference batches run.");
    internal static readonly Counter<long> RowsEmbeddedCounter = Meter.CreateCounter<long>(RowsEmbedded, "{row}", "Rows or query texts given a vector by an embedding function.");
    internal static readonly Histogram<double> EmbeddingDurationHistogram = Meter.CreateHistogram<double>(EmbeddingDuration, "s", "Time of one embedding call.");
    internal static readonly Histogram<double> RequestDurationHistogram = Meter.CreateHistogram<double>(RequestDuration, "s", "Time of one logical request to the LanceDB server, retries included.");
    internal static readonly Counter<long> BytesSentCounter = Meter.CreateCounter<long>(BytesSent, "By", "Request body bytes sent to the LanceDB server (every attempt).");
    internal static readonly Counter<long> RetryCounter = Meter.CreateCounter<long>(Retries, "{retry}", "Failed attempts that were retried.");
    internal static readonly Counter<long> RowsWrittenCounter = Meter.CreateCounter<long>(RowsWritten, "{row}", "Rows acknowledged in add/upsert batches.");

    internal static readonly Histogram<double> WriteStageHistogram = Meter.CreateHistogram<double>(WriteStageDuration, "s", "Time one write batch spent in one pipeline stage.");
    internal static readonly Counter<long> WriteBodyBytesCounter = Meter.CreateCounter<long>(WriteBodyBytes, "By", "Arrow IPC bytes of write request bodies.");

    internal static readonly ObservableGauge<double> CacheHitRatioGauge = Meter.CreateObservableGauge(CacheHitRatio, ObserveHitRatios, "1", "Embedding cache hits / (hits + misses) since the process started.");

    internal static void CacheHit(string function, string tier)
    {
        CacheHitCounter.Add(1, new KeyValuePair<string, object?>(FunctionTag, function), new KeyValuePair<string, object?>("tier", tier));
        Interlocked.Increment(ref CacheTotalsByFunction.GetOrAdd(function, static _ => new CacheTotals()).Hits);
    }

    internal static void CacheMiss(string function)
    {
        CacheMissCounter.Add(1, new KeyValuePair<string, object?>(FunctionTag, function));
        Interlocked.Increment(ref CacheTotalsByFunction.GetOrAdd(function, static _ => new CacheTotals()).Misses);
    }

    /// <summary>Starts the span of an embedding call (null when nobody listens).</summary>
    internal static Activity? StartEmbed(string function, int rows, string? table)
    {
        var activity = Source.StartActivity(EmbedActivity, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(FunctionTag, function);
            activity.SetTag(RowsTag, rows);
            if (table is not null)
            {
                activity.SetTag(TableTag, table);
            }
        }

        return activity;
    }

    /// <summary>Records one embedding call: rows and duration.</summary>
    internal static void RecordEmbedding(string function, string? table, int rows, TimeSpan elapsed)
    {
        var functionTag = new KeyValuePair<string, object?>(FunctionTag, function);
        if (table is null)
        {
            RowsEmbeddedCounter.Add(rows, functionTag);
        }
        else
        {
            RowsEmbeddedCounter.Add(rows, functionTag, new KeyValuePair<string, object?>(TableTag, table));
        }

        EmbeddingDurationHistogram.Record(elapsed.TotalSeconds, functionTag);
    }

    /// <summary>Counts the body bytes of one attempt.</summary>
    internal static void RecordBytesSent(string operation, long bytes)
    {
        if (bytes > 0)
        {
            BytesSentCounter.Add(bytes, new KeyValuePair<string, object?>(OperationTag, operation));
        }
    }

    /// <summary>Counts one retried attempt (<paramref name="reason"/>: <c>status</c>, <c>connect</c> or <c>read</c>).</summary>
    internal static void RecordRetry(string operation, string reason, int? status)
    {
        var operationTag = new KeyValuePair<string, object?>(OperationTag, operation);
        var reasonTag = new KeyValuePair<string, object?>(RetryReasonTag, reason);
        if (status is { } code)
        {
            RetryCounter.Add(1, operationTag, reasonTag, new KeyValuePair<string, object?>(StatusTag, code));
        }
        else
        {
            RetryCounter.Add(1, operationTag, reasonTag);
        }
    }

    /// <summary>Records the time one write batch spent in one stage.</summary>
    internal static void RecordWriteStage(string stage, string table, TimeSpan elapsed) =>
        WriteStageHistogram.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(StageTag, stage), new KeyValuePair<string, object?>(TableTag, table));

    /// <summary>Counts the encoded body bytes of one write batch.</summary>
    internal static void RecordWriteBody(string table, long bytes) =>
        WriteBodyBytesCounter.Add(bytes, new KeyValuePair<string, object?>(TableTag, table));

    /// <summary>Counts texts run through a local model, truncations and inference batches.</summary>
    internal static void RecordModelTexts(string model, int texts) => TextsCounter.Add(texts, new KeyValuePair<string, object?>(ModelTag, model));

    /// <summary>Counts images run through a local model (their batches count with <see cref="RecordModelBatch"/>).</summary>
    internal static void RecordModelImages(string model, int images) => ImagesCounter.Add(images, new KeyValuePair<string, object?>(ModelTag, model));

    /// <inheritdoc cref="RecordModelTexts"/>
    internal static void RecordTruncation(string model) => TruncationCounter.Add(1, new KeyValuePair<string, object?>(ModelTag, model));

    /// <inheritdoc cref="RecordModelTexts"/>
    internal static void RecordProviderFallback(string model, string provider, string stage) =>
        ProviderFallbackCounter.Add(1, new KeyValuePair<string, object?>(ModelTag, model), new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>(StageTag, stage));

    internal static void RecordModelBatch(string model) => BatchCounter.Add(1, new KeyValuePair<string, object?>(ModelTag, model));

    /// <summary>Starts the span of one logical request (null when nobody listens).</summary>
    internal static Activity? StartRequest(string operation, string? table, string requestId, int? rows)
    {
        var name = operation switch
        {
            "add" or "upsert" => UploadActivity,
            "query" => QueryActivity,
            _ => RequestActivity,
        };
        var activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(OperationTag, operation);
        activity.SetTag(RequestIdTag, requestId);
        if (table is not null)
        {
            activity.SetTag(TableTag, table);
        }

        if (rows is { } count)
        {
            activity.SetTag(RowsTag, count);
        }

        return activity;
    }

    /// <summary>
    /// Records the end of one logical request: its duration, the final status (null when no response came), the error
    /// type on failure (status code or exception type), the attempts, and the rows a successful write acknowledged.
    /// </summary>
    internal static void EndRequest(Activity? activity, string operation, string? table, int? rows, int? status, string? errorType, int attempts, TimeSpan elapsed)
    {
        var operationTag = new KeyValuePair<string, object?>(OperationTag, operation);
        var tags = new TagList { operationTag };
        if (status is { } code)
        {
            tags.Add(StatusTag, code);
        }

        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }

        RequestDurationHistogram.Record(elapsed.TotalSeconds, tags);
        if (errorType is null && rows is { } written && table is not null)
        {
            RowsWrittenCounter.Add(written, operationTag, new KeyValuePair<string, object?>(TableTag, table));
        }

        if (activity is null)
        {
            return;
        }

        if (status is { } s)
        {
            activity.SetTag(StatusTag, s);
        }

        activity.SetTag(AttemptsTag, Math.Max(1, attempts));
        if (errorType is not null)
        {
            activity.SetTag(ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    private static IEnumerable<Measurement<double>> ObserveHitRatios()
    {
        foreach (var (function, totals) in CacheTotalsByFunction)
        {
            var hits = Interlocked.Read(ref totals.Hits);
            var all = hits + Interlocked.Read(ref totals.Misses);
            if (all > 0)
            {
                yield return new Measurement<double>((double)hits / all, new KeyValuePair<string, object?>(FunctionTag, function));
            }
        }
    }

    private sealed class CacheTotals
    {
        public long Hits;
        public long Misses;
    }
}
