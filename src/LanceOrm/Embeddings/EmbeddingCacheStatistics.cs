namespace LanceOrm.Embeddings;

/// <summary>Counters of one <see cref="EmbeddingCache"/> (also published on the <c>LanceOrm</c> meter). Thread-safe.</summary>
public sealed class EmbeddingCacheStatistics
{
    private long _memoryHits;
    private long _diskHits;
    private long _misses;
    private long _evictions;

    /// <summary>Lookups answered from memory.</summary>
    public long MemoryHits => Interlocked.Read(ref _memoryHits);

    /// <summary>Lookups answered from the on-disk store.</summary>
    public long DiskHits => Interlocked.Read(ref _diskHits);

    /// <summary>All hits (memory and disk).</summary>
    public long Hits => MemoryHits + DiskHits;

    /// <summary>Lookups that found nothing (the text had to be computed).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries pushed out of memory by the LRU bound.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    internal void MemoryHit() => Interlocked.Increment(ref _memoryHits);

    internal void DiskHit() => Interlocked.Increment(ref _diskHits);

    internal void Miss() => Interlocked.Increment(ref _misses);

    internal void Evicted() => Interlocked.Increment(ref _evictions);

    /// <inheritdoc />
    public override string ToString() => $"hits {Hits} (memory {MemoryHits}, disk {DiskHits}), misses {Misses}, evictions {Evictions}";
}
