using Apache.Arrow;
using LanceOrm.Mapping;

namespace LanceOrm.Tests.Support;

/// <summary>A generated map under another table name (several tables of one entity in one database).</summary>
public sealed class RenamedMap<T>(ILanceEntityMap<T> inner, string tableName, Func<Schema, Schema>? editSchema = null) : ILanceEntityMap<T>
{
    public string TableName => tableName;
    public Schema Schema { get; } = editSchema is null ? inner.Schema : editSchema(inner.Schema);
    public LanceColumnInfo Key => inner.Key;
    public IReadOnlyList<LanceColumnInfo> Columns => inner.Columns;
    public IReadOnlyList<EmbeddingBinding<T>> Embeddings => inner.Embeddings;
    public RecordBatch ToRecordBatch(IReadOnlyList<T> entities, IReadOnlyList<ReadOnlyMemory<float>> embeddingVectors) => inner.ToRecordBatch(entities, embeddingVectors);
    public IReadOnlyList<T> ReadBatch(RecordBatch batch) => inner.ReadBatch(batch);
    public object? GetKey(T entity) => inner.GetKey(entity);
}
