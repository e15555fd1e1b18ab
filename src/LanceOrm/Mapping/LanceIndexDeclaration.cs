namespace LanceOrm.Mapping;

/// <summary>
/// An index an entity declares (<see cref="VectorIndexAttribute"/>, <see cref="ScalarIndexAttribute"/>,
/// <see cref="FullTextIndexAttribute"/>), as the source generator describes it; created by
/// <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>.
/// </summary>
/// <param name="PropertyName">The declaring property.</param>
/// <param name="ColumnName">The indexed column (for an <see cref="EmbedAttribute"/> property's vector index, its vector column).</param>
/// <param name="Name">The index name.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract record LanceIndexDeclaration(string PropertyName, string ColumnName, string Name);

/// <summary>A declared vector index.</summary>
/// <param name="PropertyName">The declaring property.</param>
/// <param name="ColumnName">The vector column.</param>
/// <param name="Name">The index name.</param>
/// <param name="IndexType">The index kind.</param>
/// <param name="DistanceType">The distance.</param>
/// <param name="NumPartitions">IVF partitions (0: server default).</param>
/// <param name="NumSubVectors">PQ sub-vectors (0: server default).</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record VectorIndexDeclaration(string PropertyName, string ColumnName, string Name, VectorIndexType IndexType, DistanceType DistanceType, int NumPartitions = 0, int NumSubVectors = 0)
    : LanceIndexDeclaration(PropertyName, ColumnName, Name);

/// <summary>A declared scalar index.</summary>
/// <param name="PropertyName">The declaring property.</param>
/// <param name="ColumnName">The column.</param>
/// <param name="Name">The index name.</param>
/// <param name="IndexType">The index kind.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record ScalarIndexDeclaration(string PropertyName, string ColumnName, string Name, ScalarIndexType IndexType)
    : LanceIndexDeclaration(PropertyName, ColumnName, Name);

/// <summary>A declared full-text index and its tokenizer options (see <see cref="FullTextIndexAttribute"/>).</summary>
/// <param name="PropertyName">The declaring property.</param>
/// <param name="ColumnName">The text column.</param>
/// <param name="Name">The index name.</param>
/// <param name="WithPosition">Whether positions are stored (phrase queries).</param>
/// <param name="Language">The stemming and stop-word language.</param>
/// <param name="Stem">Whether words are stemmed.</param>
/// <param name="RemoveStopWords">Whether stop words are left out.</param>
/// <param name="LowerCase">Whether text is lower-cased.</param>
/// <param name="AsciiFolding">Whether accents are folded.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record FullTextIndexDeclaration(
    string PropertyName,
    string ColumnName,
    string Name,
    bool WithPosition = false,
    string Language = "English",
    bool Stem = true,
    bool RemoveStopWords = true,
    bool LowerCase = true,
    bool AsciiFolding = true)
    : LanceIndexDeclaration(PropertyName, ColumnName, Name);
