namespace LanceOrm.Writing;

/// <summary>
/// The totals of an operation made of several writes in a row (one per page): sums their results, and reports each
/// write's progress added to the pages before it, so the caller sees one growing progress.
/// </summary>
internal sealed class PagedWriteTotals(IProgress<WriteProgress>? progress)
{
    private WriteResult _result = new(0, 0, 0, 0, 0, 0, 0, 0);
    private int _batches;
    private int _pageBatches;

    /// <summary>The sum of the pages written so far.</summary>
    public WriteResult Result => _result;

    /// <summary>The progress to hand to the next page's write (null when the caller wants none).</summary>
    public IProgress<WriteProgress>? NextPage()
    {
        if (progress is null)
        {
            return null;
        }

        var before = _result;
        var batches = _batches;
        _pageBatches = 0;
        return new SynchronousProgress(p =>
        {
            _pageBatches = p.Batches;
            progress.Report(new WriteProgress(
            before.RowsSent + p.RowsWritten,
            before.VectorsComputed + p.VectorsComputed,
            before.VectorsFromCache + p.VectorsFromCache,
            before.VectorsSupplied + p.VectorsSupplied,
            before.TextsTruncated + p.TextsTruncated,
            batches + p.Batches));
        });
    }

    /// <summary>Adds the result of the page written with the last <see cref="NextPage"/>.</summary>
    public void Add(WriteResult page)
    {
        _batches += _pageBatches;
        _result = new WriteResult(
            _result.RowsSent + page.RowsSent,
            _result.RowsInserted + page.RowsInserted,
            _result.RowsUpdated + page.RowsUpdated,
            _result.VectorsComputed + page.VectorsComputed,
            _result.VectorsFromCache + page.VectorsFromCache,
            _result.VectorsSupplied + page.VectorsSupplied,
            _result.TextsTruncated + page.TextsTruncated,
            page.Version == 0 ? _result.Version : page.Version);
    }

    /// <summary>Reports synchronously on the reporting thread (the pipeline reports in order from its uploader).</summary>
    private sealed class SynchronousProgress(Action<WriteProgress> report) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => report(value);
    }
}
