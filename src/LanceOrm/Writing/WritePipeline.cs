using System.Diagnostics;
using System.Threading.Channels;
using Apache.Arrow;
using LanceOrm.Diagnostics;
using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// A write as three overlapping stages joined by bounded channels (back-pressure: a fast source waits for the slow stage,
/// and at most <see cref="LanceDbOptions.WritePipelineDepth"/> batches wait between two stages):
/// <list type="number">
/// <item>the source is read into batches of <see cref="LanceDbOptions.WriteBatchSize"/> rows (the wire batch; streaming
/// sources are never materialised beyond the batches in flight);</item>
/// <item>each batch is embedded (cache first, then the model in its own batch size), built into an Arrow record batch and
/// encoded as an LZ4 IPC stream into a reused buffer;</item>
/// <item>batches are uploaded one after the other, in source order, as idempotent <c>merge_insert</c> requests.</item>
/// </list>
/// So batch n+1 is embedded while batch n travels. Semantics are those of a sequential write: each batch is atomic, acknowledged
/// batches are reported in order, and a failure (the source's, a bad row, an embedding error, an exhausted retry budget,
/// the deadline) stops the write after the batches before it and is thrown as <see cref="WriteFailedException"/> with
/// the totals of the acknowledged batches: the rows before <see cref="WriteFailedException.ResumePosition"/> are written,
/// the others are not, so resending the rest completes the write (a replay of everything would too, without duplicates).
/// Texts the model truncated are logged once per call, at Warning, with their count.
/// </summary>
internal sealed class WritePipeline<T>
{
    private readonly WriteTarget<T> _target;
    private readonly bool _upsert;
    private readonly IProgress<WriteProgress>? _progress;
    private readonly bool _rowsChecked;
    private readonly int _batchSize;
    private readonly int _depth;
    private readonly WriteFailure _failure = new();
    private readonly IpcBodyPool _bodies;
    private long _truncated;
    private int _batches;

    private WritePipeline(WriteTarget<T> target, bool upsert, bool rowsChecked, IProgress<WriteProgress>? progress)
    {
        _target = target;
        _upsert = upsert;
        _rowsChecked = rowsChecked;
        _progress = progress;
        _batchSize = target.BatchSize;
        _depth = target.Depth;
        _bodies = new IpcBodyPool(_depth + 2);
    }

    /// <param name="target">The table, mapping, embeddings and sizes.</param>
    /// <param name="rows">The rows, in source order.</param>
    /// <param name="upsert">Replace rows with existing keys (else leave them).</param>
    /// <param name="rowsChecked">The rows were all checked before the call (<see cref="RowValidator{T}.CheckCollection"/>), so batches are not checked again.</param>
    /// <param name="progress">Told after each acknowledged batch.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static Task<WriteResult> RunAsync(WriteTarget<T> target, IAsyncEnumerable<T> rows, bool upsert, bool rowsChecked, IProgress<WriteProgress>? progress, CancellationToken cancellationToken) =>
        new WritePipeline<T>(target, upsert, rowsChecked, progress).RunAsync(rows, cancellationToken);

    private string Table => _target.Table.Name;

    private async Task<WriteResult> RunAsync(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        // A missing embedding function is a configuration error: raised before anything is sent, not as a failed write.
        foreach (var binding in _target.Map.Embeddings)
        {
            _ = _target.Embeddings.Resolve(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
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

        _failure.ThrowIfFailed(cancellationToken, cause => new WriteFailedException(Table, result, _batches, cause));
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
                using var vectors = await RowEmbedder.EmbedAsync(map, registry, chunk.Rows, stop).ConfigureAwait(false);
                var embedded = Stopwatch.GetTimestamp();
                LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageEmbed, Table, Stopwatch.GetElapsedTime(started, embedded));
                Interlocked.Add(ref _truncated, vectors.Counts.Truncated);

                var body = _bodies.Rent();
                try
                {
                    using (RecordBatch batch = Build(map, validator, chunk, vectors))
                    {
                        var built = Stopwatch.GetTimestamp();
                        LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageArrow, Table, Stopwatch.GetElapsedTime(embedded, built));
                        await ArrowIpc.WriteStreamAsync(body, map.Schema, [batch], stop).ConfigureAwait(false);
                        LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageEncode, Table, Stopwatch.GetElapsedTime(built));
                    }

                    LanceOrmTelemetry.RecordWriteBody(Table, body.Length);
                    await output.WriteAsync(new PreparedBatch(chunk.Index, chunk.Rows.Count, vectors.Counts, body), stop).ConfigureAwait(false);
                }
                catch
                {
                    _bodies.Return(body);
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
        var key = _target.Map.Key.ColumnName;
        long sent = 0, inserted = 0, updated = 0, version = 0;
        long computed = 0, cached = 0, supplied = 0, truncated = 0;
        try
        {
            await foreach (var batch in input.ReadAllAsync(caller).ConfigureAwait(false))
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var answer = await _target.Table.MergeInsertAsync(batch.Body, key, _upsert, batch.Rows, caller).ConfigureAwait(false);
                    LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageUpload, Table, Stopwatch.GetElapsedTime(started));
                    sent += batch.Rows;
                    computed += batch.Vectors.Computed;
                    cached += batch.Vectors.FromCache;
                    supplied += batch.Vectors.Supplied;
                    truncated += batch.Vectors.Truncated;
                    inserted += answer.NumInsertedRows;
                    updated += answer.NumUpdatedRows;
                    version = answer.Version == 0 ? version : answer.Version;
                    _batches++;
                    _progress?.Report(new WriteProgress(sent, computed, cached, supplied, truncated, _batches));
                }
                catch (Exception exception)
                {
                    _failure.Record(batch.Index, exception);
                    await stopUpstream.CancelAsync().ConfigureAwait(false);
                    break;
                }
                finally
                {
                    _bodies.Return(batch.Body);
                }
            }
        }
        catch (OperationCanceledException exception) when (caller.IsCancellationRequested)
        {
            _failure.Record(long.MaxValue - 1, exception);
        }

        return new WriteResult(sent, inserted, updated, computed, cached, supplied, truncated, version);
    }

    /// <summary>The batch's Arrow record batch; a value the mapper rejects becomes an <see cref="InvalidRowException"/> naming its source row.</summary>
    private static RecordBatch Build(Mapping.ILanceEntityMap<T> map, RowValidator<T> validator, Chunk chunk, EmbeddedVectors vectors)
    {
        try
        {
            return map.ToRecordBatch(chunk.Rows, vectors.Vectors);
        }
        catch (ArgumentException exception)
        {
            throw validator.Locate(chunk.Rows, chunk.Offset, exception);
        }
    }

    private static bool IsInternalStop(Exception exception, CancellationToken stop, CancellationToken caller) =>
        exception is OperationCanceledException && stop.IsCancellationRequested && !caller.IsCancellationRequested;

    /// <summary>Batch number <paramref name="Index"/>, whose first row is at source position <paramref name="Offset"/>.</summary>
    private sealed record Chunk(long Index, long Offset, List<T> Rows);

    private sealed record PreparedBatch(long Index, int Rows, VectorCounts Vectors, MemoryStream Body);
}
