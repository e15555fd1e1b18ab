namespace LanceOrm.Embeddings;

/// <summary>Settings of the <see cref="EmbeddingCache"/>.</summary>
public sealed class EmbeddingCacheOptions
{
    /// <summary>How many vectors the in-memory LRU keeps (default 10,000; 0 turns the memory tier off).</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// A directory for the on-disk store, or <see langword="null"/> (the default) for memory only.
    /// Vectors written there survive restarts, so re-ingesting unchanged text after a restart computes nothing.
    /// </summary>
    public string? Directory { get; set; }
}
