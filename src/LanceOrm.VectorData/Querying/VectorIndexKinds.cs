using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Querying;

/// <summary>MEVD index kinds on LanceDB's vector indices.</summary>
internal static class VectorIndexKinds
{
    /// <summary>The LanceDB index of an index kind, or null for an exhaustive (flat) search.</summary>
    /// <exception cref="NotSupportedException">LanceDB has no such index.</exception>
    public static VectorIndexType? For(string? indexKind, string property) => indexKind switch
    {
        null or IndexKind.Flat => null,
        IndexKind.Hnsw => VectorIndexType.IvfHnswSq,
        IndexKind.IvfFlat => VectorIndexType.IvfFlat,
        var other => throw new NotSupportedException(
            $"Index kind '{other}' of vector property '{property}' is not supported by LanceDB. Supported: {IndexKind.Flat} (exact search, the default), {IndexKind.Hnsw} (IVF_HNSW_SQ), {IndexKind.IvfFlat} (IVF_FLAT)."),
    };
}
