namespace LanceOrm.Embeddings;

/// <summary>A bounded least-recently-used map from cache key to vector. Thread-safe (one lock).</summary>
internal sealed class LruVectorMap(int capacity)
{
    private readonly Dictionary<EmbeddingCacheKey, LinkedListNode<(EmbeddingCacheKey Key, float[] Vector)>> _index = new();
    private readonly LinkedList<(EmbeddingCacheKey Key, float[] Vector)> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public bool TryCopyTo(EmbeddingCacheKey key, Span<float> destination)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(key, out var node) || node.Value.Vector.Length != destination.Length)
            {
                return false;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            node.Value.Vector.CopyTo(destination);
            return true;
        }
    }

    /// <summary>Stores a copy of <paramref name="vector"/>; returns how many entries were evicted.</summary>
    public int Set(EmbeddingCacheKey key, ReadOnlySpan<float> vector)
    {
        if (capacity <= 0)
        {
            return 0;
        }

        var copy = vector.ToArray();
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _index.Remove(key);
            }

            _index[key] = _order.AddFirst((key, copy));
            var evicted = 0;
            while (_index.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);
                evicted++;
            }

            return evicted;
        }
    }
}
