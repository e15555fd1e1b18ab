namespace LanceOrm.Embeddings;

/// <summary>
/// The cache side of an embedding call, shared by text and image functions: inputs already cached are copied into the
/// destination; each distinct missing input is computed once, then cached and copied to every row that holds it.
/// </summary>
internal sealed class CachedVectors
{
    private readonly EmbeddingCache _cache;
    private readonly int _dimensions;
    private readonly Dictionary<EmbeddingCacheKey, List<int>> _rows = [];
    private readonly List<EmbeddingCacheKey> _missing = [];

    public CachedVectors(EmbeddingCache cache, int dimensions)
    {
        _cache = cache;
        _dimensions = dimensions;
    }

    /// <summary>How many rows were copied from the cache.</summary>
    public int Cached { get; private set; }

    /// <summary>How many distinct inputs must be computed (in the order <see cref="LookUpAsync"/> first saw them).</summary>
    public int MissingCount => _missing.Count;

    /// <summary>
    /// Looks up row <paramref name="row"/>'s <paramref name="key"/>: copies a cached vector into its slice of
    /// <paramref name="destination"/>, or notes it; returns true when the key is new and must be computed.
    /// </summary>
    public async ValueTask<bool> LookUpAsync(EmbeddingCacheKey key, int row, Memory<float> destination, string functionName, CancellationToken cancellationToken)
    {
        if (_rows.TryGetValue(key, out var rows))
        {
            rows.Add(row);
            return false;
        }

        if (await _cache.TryGetAsync(key, destination.Slice(row * _dimensions, _dimensions), functionName, cancellationToken).ConfigureAwait(false))
        {
            Cached++;
            return false;
        }

        _rows[key] = [row];
        _missing.Add(key);
        return true;
    }

    /// <summary>Caches the <paramref name="computed"/> vectors of the missing inputs (in order) and copies each to its rows.</summary>
    public async ValueTask StoreAsync(ReadOnlyMemory<float> computed, Memory<float> destination, CancellationToken cancellationToken)
    {
        for (var j = 0; j < _missing.Count; j++)
        {
            var vector = computed.Slice(j * _dimensions, _dimensions);
            await _cache.SetAsync(_missing[j], vector, cancellationToken).ConfigureAwait(false);
            foreach (var row in _rows[_missing[j]])
            {
                vector.CopyTo(destination.Slice(row * _dimensions, _dimensions));
            }
        }
    }
}
