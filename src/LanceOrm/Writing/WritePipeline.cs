using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Apache.Arrow;
using LanceOrm.Diagnostics;
using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// A write as three overlapping stages joined by bounded channels (back-pressure: a fast source waits for the slow stage,
/// and at most <see cref="LanceDbOptions.WritePipelineDepth"/> batches wait between two stages):
/// <list type="number">
/// <item>the source is read into batches of <see cref="LanceDbOptions.WriteBatchSize"/> rows (streaming sources are never
/// materialised beyond the batches in flight);</item>
/// <item>each batch is embedded (cache first, then the model in its own batch size), built into Arrow record batches and
/// encoded as LZ4 IPC streams into reused buffers — one body when it fits in <see cref="LanceDbOptions.MaxRequestBodyBytes"/>,
/// otherwise halved by rows until every part fits (<see cref="PartEncoder{T}"/>);</item>
/// <item>the parts are uploaded one after the other, in source order, through the write's <see cref="IWireSink"/>
/// (idempotent <c>merge_insert</c>s for add and upsert). A part the server refuses as too large (HTTP 413) is halved,
/// re-encoded and sent again, the halves in order, so the server's limit need not be known.</item>
/// </list>
/// So batch n+1 is embedded while batch n travels. Semantics are those of a sequential write of requests: each request
/// is atomic, acknowledged requests are reported in order (progress, <see cref="WriteResult"/>: one
/// <see cref="WriteProgress.Batches"/> per acknowledged request), and a failure (the source's, a bad row, an embedding
/// error, a single row over the body limit (<see cref="RowTooLargeException"/>), an exhausted retry budget, the deadline)
/// stops the write after the requests before it and is thrown as <see cref="WriteFailedException"/> with the totals of
/// the acknowledged requests: the rows before <see cref="WriteFailedException.ResumePosition"/> are written, the others
/// are not, so resending the rest completes the write (with <c>merge_insert</c>, a replay of everything would too,
/// without duplicates). A batch keeps its rows and vectors until its last part is acknowledged.
/// Texts the model truncated are logged once per call, at Warning, with their count.
/// </summary>
internal sealed class WritePipeline<T>
{
    private readonly WriteTarget<T> _target;
    private readonly IWireSink _sink;
    private readonly IProgress<WriteProgress>? _progress;
    private readonly bool _rowsChecked;
    private readonly int _batchSize;
    private readonly int _depth;
    private readonly WriteFailure _failure = new();
    private readonly IpcBodyPool _bodies;
    private readonly PartEncoder<T> _encoder;
    private readonly WriteTotals _totals = new();
    private long _truncated;
    private UpfrontImageVectors<T>? _upfront;

    private WritePipeline(WriteTarget<T> target, IWireSink sink, bool rowsChecked, IProgress<WriteProgress>? progress)
    {
        _target = target;
        _sink = sink;
        _rowsChecked = rowsChecked;
        _progress = progress;
        _batchSize = target.BatchSize;
        _depth = target.Depth;
        _bodies = new IpcBodyPool(_depth + 2);
        _encoder = new PartEncoder<T>(target.Map, _bodies, target.MaxBodyBytes, target.Table.Name);
    }

    /// <param name="target">The table, mapping, embeddings and sizes.</param>
    /// <param name="rows">The rows, in source order.</param>
    /// <param name="sink">Where the requests go (<see cref="MergeInsertSink"/> for add and upsert).</param>
    /// <param name="rowsChecked">The rows were all checked before the call (<see cref="RowValidator{T}.CheckCollection"/>), so batches are not checked again.</param>
    /// <param name="progress">Told after each acknowledged request.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task<WriteResult> RunAsync(WriteTarget<T> target, IAsyncEnumerable<T> rows, IWireSink sink, bool rowsChecked, IProgress<WriteProgress>? progress, CancellationToken cancellationToken) =>
        new WritePipeline<T>(target, sink, rowsChecked, progress).RunAsync(rows, cancellationToken);

    private string Table => _target.Table.Name;

    private async Task<WriteResult> RunAsync(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        // A missing embedding function is a configuration error: raised before anything is sent, not as a failed write.
        RowEmbedder.ResolveAll(_target.Map.Embeddings, _target.Embeddings);

        // An in-memory collection's images are embedded before anything is sent, so a bad image leaves the table untouched.
        if (_rowsChecked && _target.Map.Embeddings.Any(b => b.Modality == Embeddings.EmbeddingModality.Image))
        {
            var all = new List<T>();
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                all.Add(row);
            }

            _upfront = await UpfrontImageVectors<T>.EmbedAsync(_target.Map, _target.Embeddings, all, _target.Recompute, cancellationToken).ConfigureAwait(false);
            rows = all.ToAsyncEnumerable();
        }

        var channelOptions = new BoundedChannelOptions(_depth) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
        var chunks = Channel.CreateBounded<Chunk>(channelOptions);
        var prepared = Channel.CreateBounded<PreparedBatch>(channelOptions);

        // An upload failure stops everything upstream; an embedding failure stops the source but lets the uploader
        // finish the batches before it (as a sequential write would have); the caller's token stops all three.
        using var prepareStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var produceStop = CancellationTokenSource.CreateLinkedTokenSource(prepareStop.Token);

        var prepare = Task.Run(() => PrepareAsync(chunks.Reader, prepared.Writer, produceStop, prepareStop.Token, cancellationToken), CancellationToken.None);
        var upload = Task.Run(() => UploadAsync(prepared.Reader, prepareStop, cancellationToken), CancellationToken.None);
        await ProduceAsync(rows, chunks.Writer, produceStop.Token, cancellationToken).ConfigureAwait(false);
        await prepare.ConfigureAwait(false);
        var result = await upload.ConfigureAwait(false);

        var truncated = Interlocked.Read(ref _truncated);
        if (truncated > 0)
        {
            Log.TextsTruncated(_target.Logger, Table, truncated);
        }

        _failure.ThrowIfFailed(cancellationToken, cause => new WriteFailedException(Table, result, _totals.Requests, cause));
        return result;
    }

    private async Task ProduceAsync(IAsyncEnumerable<T> rows, ChannelWriter<Chunk> output, CancellationToken stop, CancellationToken caller)
    {
        long index = 0;
        long read = 0;
        var chunk = new List<T>(_batchSize);
        try
        {
            await foreach (var row in rows.WithCancellation(stop).ConfigureAwait(false))
            {
                chunk.Add(row);
                read++;
                if (chunk.Count == _batchSize)
                {
                    await output.WriteAsync(new Chunk(index++, read - chunk.Count, chunk), stop).ConfigureAwait(false);
                    chunk = new List<T>(_batchSize);
                }
            }

            if (chunk.Count > 0)
            {
                await output.WriteAsync(new Chunk(index, read - chunk.Count, chunk), stop).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!IsInternalStop(exception, stop, caller))
        {
            _failure.Record(index, exception);
        }
        catch (OperationCanceledException)
        {
            // Stopped because a later stage failed; that failure is the one reported.
        }
        finally
        {
            output.TryComplete();
        }
    }

    private async Task PrepareAsync(ChannelReader<Chunk> input, ChannelWriter<PreparedBatch> output, CancellationTokenSource stopSource, CancellationToken stop, CancellationToken caller)
    {
        var map = _target.Map;
        var registry = _target.Embeddings;
        var validator = new RowValidator<T>(map);
        long index = -1;
        try
        {
            await foreach (var chunk in input.ReadAllAsync(stop).ConfigureAwait(false))
            {
                index = chunk.Index;
                if (!_rowsChecked)
                {
                    // A streaming source: each batch is checked as it comes (keys unique within the batch).
                    validator.ForgetKeys();
                    for (var i = 0; i < chunk.Rows.Count; i++)
                    {
                        validator.CheckRow(chunk.Rows[i], chunk.Offset + i);
                    }
                }

                var started = Stopwatch.GetTimestamp();
                var vectors = await RowEmbedder.EmbedAsync(map, registry, chunk.Rows, _target.Recompute, chunk.Offset, _upfront, stop).ConfigureAwait(false);
                try
                {
                    var embedded = Stopwatch.GetTimestamp();
                    LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageEmbed, Table, Stopwatch.GetElapsedTime(started, embedded));
                    Interlocked.Add(ref _truncated, vectors.Counts.Truncated);

                    var whole = new WirePart<T>(chunk.Offset, new ArraySegment<T>([.. chunk.Rows]), [.. vectors.Vectors], vectors.Counts);
                    var parts = new List<EncodedPart<T>>(1);
                    await _encoder.EncodeAsync(whole, parts, stop).ConfigureAwait(false);
                    foreach (var part in parts)
                    {
                        LanceOrmTelemetry.RecordWriteBody(Table, part.Bytes);
                    }

                    await output.WriteAsync(new PreparedBatch(chunk.Index, parts, vectors), stop).ConfigureAwait(false);
                }
                catch
                {
                    vectors.Dispose();
                    throw;
                }
            }
        }
        catch (Exception exception) when (!IsInternalStop(exception, stop, caller))
        {
            _failure.Record(index < 0 ? 0 : index, exception);
            await stopSource.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped because the upload failed; that failure is the one reported.
        }
        finally
        {
            output.TryComplete();
        }
    }

    private async Task<WriteResult> UploadAsync(ChannelReader<PreparedBatch> input, CancellationTokenSource stopUpstream, CancellationToken caller)
    {
        try
        {
            await foreach (var batch in input.ReadAllAsync(caller).ConfigureAwait(false))
            {
                try
                {
                    foreach (var part in batch.Parts)
                    {
                        await SendAsync(part, caller).ConfigureAwait(false);
                    }
                }
                catch (Exception exception)
                {
                    _failure.Record(batch.Index, exception);
                    await stopUpstream.CancelAsync().ConfigureAwait(false);
                    break;
                }
                finally
                {
                    batch.Vectors.Dispose();
                }
            }
        }
        catch (OperationCanceledException exception) when (caller.IsCancellationRequested)
        {
            _failure.Record(long.MaxValue - 1, exception);
        }

        return _totals.Result;
    }

    /// <summary>
    /// Sends one part (its body goes back to the pool whatever happens) and counts it once acknowledged. A part the server
    /// refuses as too large (413) is halved, and the halves are encoded and sent in order; a single row is refused for good.
    /// </summary>
    private async Task SendAsync(EncodedPart<T> encoded, CancellationToken caller)
    {
        var part = encoded.Part;
        if (encoded.Body is not { } body)
        {
            throw TooLarge(part, encoded.Bytes, _target.MaxBodyBytes, null);
        }

        WireAck ack = default;
        var refusedAsTooLarge = false;
        try
        {
            var started = Stopwatch.GetTimestamp();
            ack = await _sink.SendAsync(body, part.Rows.Count, caller).ConfigureAwait(false);
            LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageUpload, Table, Stopwatch.GetElapsedTime(started));
        }
        catch (LanceDbException refused) when (refused.Status == HttpStatusCode.RequestEntityTooLarge)
        {
            if (part.Rows.Count == 1)
            {
                throw TooLarge(part, encoded.Bytes, null, refused);
            }

            Log.RequestTooLarge(_target.Logger, Table, part.Rows.Count, encoded.Bytes);
            refusedAsTooLarge = true;
        }
        finally
        {
            _bodies.Return(body);
        }

        if (refusedAsTooLarge)
        {
            var (first, second) = part.Halve(_target.Map.Embeddings);
            foreach (var half in new[] { first, second })
            {
                var encodedHalf = new List<EncodedPart<T>>(1);
                await _encoder.EncodeAsync(half, encodedHalf, caller).ConfigureAwait(false);
                foreach (var piece in encodedHalf)
                {
                    await SendAsync(piece, caller).ConfigureAwait(false);
                }
            }

            return;
        }

        _totals.Add(part.Rows.Count, part.Counts, ack);
        _progress?.Report(_totals.Progress);
    }

    private RowTooLargeException TooLarge(WirePart<T> part, long bytes, long? limit, Exception? refused) =>
        new(Table, part.Offset, part.Rows[0] is { } row ? _target.Map.GetKey(row) : null, bytes, limit, refused);

    private static bool IsInternalStop(Exception exception, CancellationToken stop, CancellationToken caller) =>
        exception is OperationCanceledException && stop.IsCancellationRequested && !caller.IsCancellationRequested;

    /// <summary>Batch number <paramref name="Index"/>, whose first row is at source position <paramref name="Offset"/>.</summary>
    private sealed record Chunk(long Index, long Offset, List<T> Rows);

    /// <summary>Batch number <paramref name="Index"/> as encoded parts, in row order, with the vectors they were built from (kept for re-encoding until the batch is done).</summary>
    private sealed record PreparedBatch(long Index, List<EncodedPart<T>> Parts, EmbeddedVectors Vectors);
}
