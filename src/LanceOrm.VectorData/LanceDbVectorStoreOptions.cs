using Microsoft.Extensions.AI;

namespace LanceOrm.VectorData;

/// <summary>Options of a <see cref="LanceDbVectorStore"/>.</summary>
public sealed class LanceDbVectorStoreOptions
{
    /// <summary>
    /// The embedding generator of the store's collections' vector properties that declare none, or null: then a search
    /// by text (and a vector property typed as text) is refused, as Microsoft.Extensions.VectorData specifies. For local
    /// embeddings with no cloud service, pass a LanceOrm embedding function:
    /// <c>connection.Embeddings.Get("minilm").AsEmbeddingGenerator()</c> (the built-in all-MiniLM-L6-v2, 384 dimensions).
    /// Tables written through a LanceOrm function carry the <c>embedding_functions</c> metadata LanceDB's Python and
    /// TypeScript clients read, so they can search them by text too.
    /// </summary>
    public IEmbeddingGenerator? EmbeddingGenerator { get; set; }
}
