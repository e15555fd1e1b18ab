namespace LanceOrm.Embeddings;

/// <summary>What a text is embedded as: a stored document or a search query (LanceDB's source vs query embeddings).</summary>
internal enum EmbeddingInputKind
{
    /// <summary>A row's text, stored with its vector.</summary>
    Document,

    /// <summary>A search query.</summary>
    Query,
}
