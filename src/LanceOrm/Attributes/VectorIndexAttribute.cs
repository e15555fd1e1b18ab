namespace LanceOrm;

/// <summary>
/// Declares a vector index, created by <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>: on an
/// <see cref="EmbedAttribute"/> property it indexes that property's vector column, on a <see cref="VectorAttribute"/>
/// property its own column. Without an index a vector search scans every row (exact); with one it is approximate and
/// fast. Training needs rows: create it after the table holds data (IVF_PQ needs at least 256 rows).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class VectorIndexAttribute : Attribute
{
    /// <summary>The index kind (default <see cref="VectorIndexType.IvfPq"/>, as the official client).</summary>
    public VectorIndexType IndexType { get; set; } = VectorIndexType.IvfPq;

    /// <summary>The distance the index is built for; use the one the searches use (default <see cref="DistanceType.L2"/>).</summary>
    public DistanceType DistanceType { get; set; } = DistanceType.L2;

    /// <summary>IVF partitions (0: the server's default, about the square root of the row count).</summary>
    public int NumPartitions { get; set; }

    /// <summary>PQ sub-vectors (0: the server's default).</summary>
    public int NumSubVectors { get; set; }

    /// <summary>The index name (default <c>{column}_idx</c>).</summary>
    public string? Name { get; set; }
}
