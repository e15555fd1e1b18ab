using LanceOrm.Writing;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// Appends rows as they are, as the official client's <c>add</c>: no key check against the table, so a row whose key
    /// is already there is written a second time (use <see cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    /// to insert only absent keys, or <see cref="UpsertAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    /// to replace them). Faster on the server than a keyed merge.
    /// </summary>
    /// <remarks>
    /// <para>On a server that announced multipart inserts (<c>phalanx-version</c> ≥ 0.4.0, LanceDB Cloud and Enterprise) the
    /// requests are the parts of one multipart upload, committed together at the end: the append is <b>all or nothing</b>.
    /// Any failure aborts the upload, the table is unchanged, and <see cref="WriteFailedException.ResumePosition"/> is 0.
    /// Progress then counts the rows staged so far, which become visible at the end.</para>
    /// <para>On older servers each request is a plain <c>insert</c>, durable once acknowledged: a failure leaves the rows
    /// before <see cref="WriteFailedException.ResumePosition"/> written. An insert is not idempotent, so a request whose
    /// answer was lost (a broken connection or a timeout after it was sent) is never sent again — its rows may or may not
    /// be in the table; check before resending them.</para>
    /// <para>Rows go in requests of at most <see cref="LanceDbOptions.WriteBatchSize"/> rows and
    /// <see cref="LanceDbOptions.MaxRequestBodyBytes"/> bytes, in source order; a request the server refuses as too large
    /// (413) is split and sent again. Rows are checked as for <c>AddAsync</c> (an in-memory collection before anything is
    /// sent, keys unique within the call).</para>
    /// </remarks>
    /// <returns>The totals: rows, inserts (all rows appended), and where each vector came from.</returns>
    /// <exception cref="InvalidRowException">A row of an in-memory collection cannot be written; nothing was written.</exception>
    /// <exception cref="WriteFailedException">The append stopped: it says which rows are written (none with multipart) and where to resume.</exception>
    public Task<WriteResult> AppendAsync(IEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inMemory = CheckIfInMemory(rows);
        return AppendAsync(ToAsync(rows), inMemory, progress, cancellationToken);
    }

    /// <inheritdoc cref="AppendAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    public Task<WriteResult> AppendAsync(IAsyncEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AppendAsync(rows, rowsChecked: false, progress, cancellationToken);
    }

    private async Task<WriteResult> AppendAsync(IAsyncEnumerable<T> rows, bool rowsChecked, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        return await AppendWrite.RunAsync(NewWriteTarget(), rows, rowsChecked, progress, cancellationToken).ConfigureAwait(false);
    }
}
