namespace LanceOrm;

/// <summary>Settings of a vector index.</summary>
public sealed class VectorIndexOptions
{
    /// <summary>The index kind (default IVF_PQ).</summary>
    public VectorIndexType IndexType { get; set; } = VectorIndexType.IvfPq;

    /// <summary>The distance the index is built for (default L2).</summary>
    public DistanceType DistanceType { get; set; } = DistanceType.L2;

    /// <summary>IVF partitions (server default when null).</summary>
    public int? NumPartitions { get; set; }

    /// <summary>PQ sub-vectors (server default when null).</summary>
    public int? NumSubVectors { get; set; }

    /// <summary>Training sample rate (default 256).</summary>
    public int SampleRate { get; set; } = 256;

    /// <summary>k-means iterations (default 50).</summary>
    public int MaxIterations { get; set; } = 50;

    /// <summary>The index name (server default when null).</summary>
    public string? Name { get; set; }
}
