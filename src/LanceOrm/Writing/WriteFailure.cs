namespace LanceOrm.Writing;

/// <summary>
/// The first failure of a pipelined write in batch order: when two stages fail (say the source at batch 7 and the
/// embedder at batch 5), the one a sequential write would have met first is reported. Thread-safe.
/// </summary>
internal sealed class WriteFailure
{
    private readonly Lock _gate = new();
    private Exception? _exception;
    private long _batch = long.MaxValue;

    public void Record(long batch, Exception exception)
    {
        lock (_gate)
        {
            if (batch < _batch)
            {
                _batch = batch;
                _exception = exception;
            }
        }
    }

    /// <summary>
    /// Throws the recorded failure wrapped by <paramref name="wrap"/> (as <see cref="OperationCanceledException"/> on
    /// <paramref name="cancellationToken"/> when the caller cancelled).
    /// </summary>
    public void ThrowIfFailed(CancellationToken cancellationToken, Func<Exception, Exception> wrap)
    {
        Exception? exception;
        lock (_gate)
        {
            exception = _exception;
        }

        if (exception is null)
        {
            return;
        }

        if (exception is OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        throw wrap(exception);
    }
}
