namespace LanceOrm.Generators.Model;

/// <summary>One column of the Arrow schema, in schema order.</summary>
/// <param name="ColumnName">The column name.</param>
/// <param name="Property">The property written to and read from the column; <c>null</c> for an embedding vector column with no <c>[Vector]</c> property.</param>
/// <param name="EmbeddingIndex">For a vector column written by an embedding function: the index into the entity's embeddings; else -1.</param>
/// <param name="VectorDimensions">For vector columns: the dimension; else 0.</param>
internal sealed record ColumnSpec(string ColumnName, PropertySpec? Property, int EmbeddingIndex, int VectorDimensions)
{
    /// <summary>Whether the column is a vector (fixed-size list of float32).</summary>
    public bool IsVector => EmbeddingIndex >= 0 || Property?.Kind == ValueKind.Vector;
}
