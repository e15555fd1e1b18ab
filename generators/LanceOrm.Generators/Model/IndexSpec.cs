namespace LanceOrm.Generators.Model;

/// <summary>One declared index (<c>[VectorIndex]</c>, <c>[ScalarIndex]</c> or <c>[FullTextIndex]</c>).</summary>
/// <param name="Kind">Which attribute declared it.</param>
/// <param name="PropertyName">The declaring property.</param>
/// <param name="ColumnName">The indexed column (the vector column for an <c>[Embed]</c> property's vector index).</param>
/// <param name="Name">The index name (<c>{column}_idx</c> unless named).</param>
/// <param name="IndexType">The member name of <c>VectorIndexType</c> or <c>ScalarIndexType</c>; empty for full-text.</param>
/// <param name="DistanceType">The member name of <c>DistanceType</c> (vector indices); else empty.</param>
/// <param name="NumPartitions">IVF partitions (0: server default).</param>
/// <param name="NumSubVectors">PQ sub-vectors (0: server default).</param>
/// <param name="FullText">The tokenizer options of a full-text index; else null.</param>
internal sealed record IndexSpec(
    IndexKind Kind,
    string PropertyName,
    string ColumnName,
    string Name,
    string IndexType,
    string DistanceType,
    int NumPartitions,
    int NumSubVectors,
    FullTextOptionsSpec? FullText);

/// <summary>The attribute that declared an index.</summary>
internal enum IndexKind
{
    Vector,
    Scalar,
    FullText,
}

/// <summary>The tokenizer options of <c>[FullTextIndex]</c>.</summary>
internal sealed record FullTextOptionsSpec(bool WithPosition, string Language, bool Stem, bool RemoveStopWords, bool LowerCase, bool AsciiFolding);
