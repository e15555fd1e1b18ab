namespace LanceOrm.Embeddings;

/// <summary>
/// A built-in model's engine, loaded on first use by one caller while the others wait (a failed load is tried again by
/// the next call), and disposed with its generator.
/// </summary>
/// <typeparam name="TEngine">The engine (text or image encoder).</typeparam>
internal sealed class LazyEngine<TEngine>(Func<CancellationToken, ValueTask<TEngine>> load, object owner) : IDisposable
    where TEngine : class, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TEngine? _engine;
    private bool _disposed;

    /// <summary>The engine once loaded; otherwise <see langword="null"/>.</summary>
    public TEngine? Loaded => _engine;

    /// <summary>The engine, loading it on the first call.</summary>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    public async ValueTask<TEngine> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        if (_engine is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _engine ??= await load(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _engine?.Dispose();
        _gate.Dispose();
    }
}
