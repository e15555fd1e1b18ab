using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData;

/// <summary>
/// Options of a <see cref="LanceDbCollection{TKey, TRecord}"/>: the record definition (instead of or on top of the
/// attributes) and the default embedding generator (for example LanceOrm's local MiniLM:
/// <c>connection.Embeddings.Get("minilm").AsEmbeddingGenerator()</c>).
/// </summary>
public sealed class LanceDbCollectionOptions : VectorStoreCollectionOptions
{
}
