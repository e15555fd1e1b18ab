namespace LanceOrm;

/// <summary>What to do when creating a table whose name is taken.</summary>
public enum CreateMode
{
    /// <summary>Fail with <see cref="TableAlreadyExistsException"/>.</summary>
    Create,
    /// <summary>Keep the existing table (its schema is then validated like <c>OpenAsync</c>).</summary>
    ExistOk,
    /// <summary>Replace the existing table (all rows are lost).</summary>
    Overwrite,
}

/// <summary>Progress of a write, reported after each batch the server accepted.</summary>
/// <param name="RowsWritten">Rows sent and acknowledged so far.</param>
/// <param name="RowsEmbedded">Rows whose vectors were computed locally so far (rows that carried vectors are not counted).</param>
/// <param name="Batches">Batches acknowledged so far.</param>
public readonly record struct WriteProgress(long RowsWritten, long RowsEmbedded, int Batches);

/// <summary>The outcome of a write, summed over its batches as the server reported them.</summary>
/// <param name="RowsSent">Rows sent.</param>
/// <param name="RowsInserted">Rows the server inserted.</param>
/// <param name="RowsUpdated">Rows the server updated (upserts).</param>
/// <param name="RowsEmbedded">Rows embedded locally.</param>
/// <param name="Version">The table version after the last batch (0 when the server does not report it).</param>
public sealed record WriteResult(long RowsSent, long RowsInserted, long RowsUpdated, long RowsEmbedded, long Version);

/// <summary>A vector distance metric (wire names <c>l2</c>, <c>cosine</c>, <c>dot</c>, <c>hamming</c>).</summary>
public enum DistanceType
{
    /// <summary>Squared Euclidean distance.</summary>
    L2,
    /// <summary>Cosine distance.</summary>
    Cosine,
    /// <summary>Negative dot product.</summary>
    Dot,
    /// <summary>Hamming distance (binary vectors).</summary>
    Hamming,
}

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

/// <summary>Scalar index kinds (wire names <c>BTREE</c>, <c>BITMAP</c>, <c>LABEL_LIST</c>).</summary>
public enum ScalarIndexType
{
    /// <summary>B-tree (range and equality filters).</summary>
    BTree,
    /// <summary>Bitmap (few distinct values).</summary>
    Bitmap,
    /// <summary>Label list (list columns, array_has filters).</summary>
    LabelList,
}

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

/// <summary>An index as listed by the server.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Columns">The indexed columns.</param>
/// <param name="IndexType">The wire type name (for example <c>IVF_PQ</c>, <c>BTREE</c>, <c>FTS</c>), when reported.</param>
public sealed record LanceIndexInfo(string Name, IReadOnlyList<string> Columns, string? IndexType);
