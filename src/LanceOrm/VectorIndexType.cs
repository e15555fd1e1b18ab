namespace LanceOrm;

/// <summary>Vector index kinds (wire names).</summary>
public enum VectorIndexType
{
    /// <summary><c>IVF_PQ</c> (the official client's default).</summary>
    IvfPq,
    /// <summary><c>IVF_FLAT</c>.</summary>
    IvfFlat,
    /// <summary><c>IVF_SQ</c>.</summary>
    IvfSq,
    /// <summary><c>IVF_HNSW_SQ</c>.</summary>
    IvfHnswSq,
    /// <summary><c>IVF_HNSW_PQ</c>.</summary>
    IvfHnswPq,
}
