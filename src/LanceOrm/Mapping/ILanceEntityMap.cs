using Apache.Arrow;

namespace LanceOrm.Mapping;

/// <summary>
/// The compile-time mapping between an entity type and its LanceDB table, implemented by generated code
/// (no reflection, no boxing on the write path).
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public interface ILanceEntityMap<T>
{
    /// <summary>The table name on the server.</summary>
    string TableName { get; }

    /// <summary>The Arrow schema, including the <c>embedding_functions</c> schema metadata.</summary>
    Schema Schema { get; }

    /// <summary>The key column.</summary>
    LanceColumnInfo Key { get; }

    /// <summary>Every column, in schema order (embedding vector columns included).</summary>
    IReadOnlyList<LanceColumnInfo> Columns { get; }

    /// <summary>The embedded properties, in declaration order.</summary>
    IReadOnlyList<EmbeddingBinding<T>> Embeddings { get; }

    /// <summary>The declared indices (<see cref="VectorIndexAttribute"/>, <see cref="ScalarIndexAttribute"/>, <see cref="FullTextIndexAttribute"/>), in declaration order.</summary>
    IReadOnlyList<LanceIndexDeclaration> Indices => [];

    /// <summary>
    /// Writes entities to one record batch, column by column.
    /// </summary>
    /// <param name="entities">The rows.</param>
    /// <param name="embeddingVectors">
    /// One flat buffer per entry of <see cref="Embeddings"/> (same order), <c>entities.Count * Dimensions</c> floats,
    /// row-major: the vectors to write into each embedding's vector column.
    /// </param>
    RecordBatch ToRecordBatch(IReadOnlyList<T> entities, IReadOnlyList<ReadOnlyMemory<float>> embeddingVectors);

    /// <summary>
    /// Reads every row of a batch into new entities. Columns absent from the batch (a projection) leave the
    /// property at its default; columns the entity does not map (<c>_distance</c>, …) are ignored.
    /// </summary>
    IReadOnlyList<T> ReadBatch(RecordBatch batch);

    /// <summary>The key value of an entity.</summary>
    object? GetKey(T entity);
}
