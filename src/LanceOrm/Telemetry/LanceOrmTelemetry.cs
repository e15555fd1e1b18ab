using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LanceOrm;

/// <summary>
/// The one place that names LanceOrm's telemetry: the <c>LanceOrm</c> <see cref="System.Diagnostics.Metrics.Meter"/> with
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

    /// <summary>Counter (<c>{text}</c>): texts cut to the model's word-piece limit. Tag: <c>model</c>.</summary>
    public const string Truncations = "lanceorm.embeddings.truncations";

    /// <summary>Counter (<c>{batch}</c>): inference batches run by a local model. Tag: <c>model</c>.</summary>
    public const string Batches = "lanceorm.embeddings.batches";

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

    private static readonly ConcurrentDictionary<string, CacheTotals> CacheTotalsByFunction = new(StringComparer.Ordinal);

    internal static readonly Meter Meter = new(Name, LanceDbConnection.ClientVersion);
    internal static readonly ActivitySource Source = new(Name, LanceDbConnection.ClientVersion);

    internal static readonly Counter<long> CacheHitCounter = Meter.CreateCounter<long>(CacheHits, "{text}", "Embedding cache hits.");
    internal static readonly Counter<long> CacheMissCounter = Meter.CreateCounter<long>(CacheMisses, "{text}", "Embedding cache misses.");
    internal static readonly Counter<long> TextsCounter = Meter.CreateCounter<long>(TextsEmbedded, "{text}", "Texts embedded by a local model.");
    internal static readonly Counter<long> TruncationCounter = Meter.CreateCounter<long>(Truncations, "{text}", "Texts truncated to the word-piece limit.");
    internal static readonly Counter<long> BatchCounter = Meter.CreateCounter<long>(Batches, "{batch}", "Inference batches run.");
    internal static readonly Counter<long> RowsEmbeddedCounter = Meter.CreateCounter<long>(RowsEmbedded, "{row}", "Rows or query texts given a vector by an embedding function.");
    internal static readonly Histogram<double> EmbeddingDurationHistogram = Meter.CreateHistogram<double>(EmbeddingDuration, "s", "Time of one embedding call.");
    internal static readonly Histogram<double> RequestDurationHistogram = Meter.CreateHistogram<double>(RequestDuration, "s", "Time of one logical request to the LanceDB server, retries included.");
    internal static readonly Counter<long> BytesSentCounter = Meter.CreateCounter<long>(BytesSent, "By", "Request body bytes sent to the LanceDB server (every attempt).");
    internal static readonly Counter<long> RetryCounter = Meter.CreateCounter<long>(Retries, "{retry}", "Failed attempts that were retried.");
    internal static readonly Counter<long> RowsWrittenCounter = Meter.CreateCounter<long>(RowsWritten, "{row}", "Rows acknowledged in add/upsert batches.");

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

    /// <summary>Counts the body of one attempt (buffered content has a known length).</summary>
    internal static void RecordBytesSent(HttpRequestMessage request)
    {
        if (request.Content?.Headers.ContentLength is { } length && length > 0)
        {
            BytesSentCounter.Add(length, new KeyValuePair<string, object?>(OperationTag, Remote.Http.CallState.Current?.Operation ?? "unknown"));
        }
    }

    /// <summary>Counts one retried attempt.</summary>
    internal static void RecordRetry(Remote.Http.AttemptFailure failure, int? status)
    {
        var operation = new KeyValuePair<string, object?>(OperationTag, Remote.Http.CallState.Current?.Operation ?? "unknown");
        var reason = new KeyValuePair<string, object?>(RetryReasonTag, failure switch
        {
            Remote.Http.AttemptFailure.Status => "status",
            Remote.Http.AttemptFailure.Connect => "connect",
            _ => "read",
        });
        if (status is { } code)
        {
            RetryCounter.Add(1, operation, reason, new KeyValuePair<string, object?>(StatusTag, code));
        }
        else
        {
            RetryCounter.Add(1, operation, reason);
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
