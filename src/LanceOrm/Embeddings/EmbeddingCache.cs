using LanceOrm.Diagnostics;
namespace LanceOrm.Embeddings;

/// <summary>
/// The embedding cache: a bounded in-memory LRU in front of an optional on-disk store, keyed by
/// <see cref="EmbeddingCacheKey"/> (function identity + SHA-256 of the text). Thread-safe; share one per application.
/// </summary>
public sealed class EmbeddingCache
{
    private readonly LruVectorMap _memory;
    private readonly DiskVectorStore? _disk;

    /// <summary>Creates a cache.</summary>
    public EmbeddingCache(EmbeddingCacheOptions? options = null)
    {
        options ??= new EmbeddingCacheOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxEntries, nameof(options.MaxEntries));
        _memory = new LruVectorMap(options.MaxEntries);
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            _disk = new DiskVectorStore(Path.GetFullPath(options.Directory));
        }
    }

    /// <summary>Hit, miss and eviction counters.</summary>
    public EmbeddingCacheStatistics Statistics { get; } = new();

    /// <summary>How many vectors are held in memory.</summary>
    public int Count => _memory.Count;

    /// <summary>The on-disk store's directory, or <see langword="null"/>.</summary>
    public string? Directory => _disk?.Root;

    /// <summary>
    /// Copies the cached vector of <paramref name="key"/> into <paramref name="destination"/> (its length is the dimension);
    /// returns <see langword="false"/> on a miss. Counts the hit or miss under <paramref name="functionName"/>.
    /// </summary>
    internal async ValueTask<bool> TryGetAsync(EmbeddingCacheKey key, Memory<float> destination, string functionName, CancellationToken cancellationToken = default)
    {
        if (_memory.TryCopyTo(key, destination.Span))
        {
            Statistics.MemoryHit();
            LanceOrmTelemetry.CacheHit(functionName, "memory");
            return true;
        }

        if (_disk is not null && await _disk.TryReadAsync(key, destination, cancellationToken).ConfigureAwait(false))
        {
            Remember(key, destination.Span);
            Statistics.DiskHit();
            LanceOrmTelemetry.CacheHit(functionName, "disk");
            return true;
        }

        Statistics.Miss();
        LanceOrmTelemetry.CacheMiss(functionName);
        return false;
    }

    /// <summary>Stores a vector in memory and, when configured, on disk.</summary>
    internal async ValueTask SetAsync(EmbeddingCacheKey key, ReadOnlyMemory<float> vector, CancellationToken cancellationToken = default)
    {
        Remember(key, vector.Span);
        if (_disk is not null)
        {
            await _disk.WriteAsync(key, vector, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remember(EmbeddingCacheKey key, ReadOnlySpan<float> vector)
    {
        var evicted = _memory.Set(key, vector);
        for (var i = 0; i < evicted; i++)
        {
            Statistics.Evicted();
        }
    }
}
