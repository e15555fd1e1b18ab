namespace LanceOrm;

/// <summary>
/// A write (<c>AddAsync</c>, <c>UpsertAsync</c>, <c>AppendAsync</c>, <c>CreateTableAsync(rows)</c>) stopped part-way,
/// and this says exactly what is durable. Rows are sent in requests of at most <see cref="LanceDbOptions.WriteBatchSize"/>
/// rows and <see cref="LanceDbOptions.MaxRequestBodyBytes"/> bytes, in source order; each request is atomic (an
/// idempotent <c>merge_insert</c> for add and upsert), and a request is sent only after the one before it was
/// acknowledged. So the rows at source positions <c>[0, ResumePosition)</c> are written, and no row from
/// <see cref="ResumePosition"/> on is (except one whose request the server applied but whose answer was lost:
/// resending it is harmless for a <c>merge_insert</c>; a plain append's insert is never resent, so check those rows).
/// A multipart append commits nothing unless it completes: its <see cref="ResumePosition"/> is 0.
/// Resume with the same rows minus the acknowledged ones: <c>rows.Skip(checked((int)ex.ResumePosition))</c> (for an
/// <see cref="IAsyncEnumerable{T}"/> too: <c>System.Linq.AsyncEnumerable.Skip</c>), which re-sends nothing acknowledged.
/// <see cref="Exception.InnerException"/> is the cause (for example <see cref="RetryLimitExceededException"/>,
/// <see cref="OperationTimeoutException"/>, <see cref="InvalidRowException"/>, <see cref="RowTooLargeException"/>, or
/// the source's own exception).
/// A cancelled write throws <see cref="OperationCanceledException"/> instead; its last <see cref="WriteProgress"/> tells
/// the rows acknowledged.
/// </summary>
public sealed class WriteFailedException : LanceDbException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="table">The table written to.</param>
    /// <param name="acknowledged">The totals of the acknowledged requests.</param>
    /// <param name="batches">How many requests were acknowledged.</param>
    /// <param name="innerException">The cause.</param>
    public WriteFailedException(string table, WriteResult acknowledged, int batches, Exception innerException)
        : base(
            $"Writing to table '{table}' stopped after {acknowledged?.RowsSent} acknowledged row(s) in {batches} batch(es), on {innerException?.GetType().Name} (the inner exception says why). "
            + $"The rows from source position {acknowledged?.RowsSent} on were not written; resume with rows.Skip({acknowledged?.RowsSent}).",
            (innerException as LanceDbException)?.Status,
            (innerException as LanceDbException)?.ServerMessage,
            (innerException as LanceDbException)?.RequestId,
            innerException)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(innerException);
        Table = table;
        Result = acknowledged;
        Batches = batches;
    }

    /// <summary>The table written to.</summary>
    public string Table { get; }

    /// <summary>The totals of the batches the server acknowledged before the failure (rows, inserts, updates, vectors).</summary>
    public WriteResult Result { get; }

    /// <summary>Rows acknowledged by the server, all of them at source positions before <see cref="ResumePosition"/>.</summary>
    public long RowsAcknowledged => Result.RowsSent;

    /// <summary>How many requests (wire batches, or their parts after a split) were acknowledged.</summary>
    public int Batches { get; }

    /// <summary>
    /// The source position (0-based index in the sequence given to the call) of the first row not acknowledged: skip
    /// this many rows of the same sequence to resume without re-sending anything acknowledged.
    /// </summary>
    public long ResumePosition => Result.RowsSent;
}
