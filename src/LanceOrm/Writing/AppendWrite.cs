using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// An append (the official client's <c>add</c>): rows go in as they are, with no key check against the table.
/// On a server that announced multipart inserts (<c>phalanx-version</c> ≥ 0.4.0) the requests are the parts of one
/// upload, committed together at the end, so the append is all-or-nothing: any failure aborts the upload and the table
/// is unchanged. Below 0.4.0 each request is a plain <c>insert</c>, durable once acknowledged.
/// </summary>
internal static class AppendWrite
{
    public static async Task<WriteResult> RunAsync<T>(WriteTarget<T> target, IAsyncEnumerable<T> rows, bool rowsChecked, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        var table = target.Table;
        if (!table.SupportsMultipart)
        {
            return await WritePipeline<T>.RunAsync(target, rows, new InsertSink(table), rowsChecked, progress, cancellationToken).ConfigureAwait(false);
        }

        var sink = new MultipartSink(table);
        try
        {
            var staged = await WritePipeline<T>.RunAsync(target, rows, sink, rowsChecked, progress, cancellationToken).ConfigureAwait(false);
            var version = await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return staged with { Version = version == 0 ? staged.Version : version };
        }
        catch (Exception exception)
        {
            await AbortAsync(target, sink).ConfigureAwait(false);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            // Nothing was committed: the write resumes from the first row.
            var cause = exception is WriteFailedException failed ? failed.InnerException ?? failed : exception;
            throw new WriteFailedException(table.Name, new WriteResult(0, 0, 0, 0, 0, 0, 0, 0), 0, cause);
        }
    }

    /// <summary>Aborts the upload; a failing abort is logged (the write's own error is the one thrown; the staged parts stay uncommitted).</summary>
    private static async Task AbortAsync<T>(WriteTarget<T> target, MultipartSink sink)
    {
        try
        {
            // The caller's token may be what stopped the write: the abort is sent regardless (the transport's timeouts bound it).
            await sink.AbortAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception abortError) when (abortError is LanceDbException or OperationCanceledException)
        {
            Log.AbortFailed(target.Logger, target.Table.Name, abortError.Message);
        }
    }
}
