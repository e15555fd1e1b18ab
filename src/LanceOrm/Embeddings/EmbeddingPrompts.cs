namespace LanceOrm.Embeddings;

/// <summary>
/// Text an embedding function puts before each input, by kind: models trained for retrieval often want a prefix on
/// search queries (snowflake-arctic-embed: <c>"Represent this sentence for searching relevant passages: "</c>) or on
/// documents. Part of what is cached, so a query and a document with the same text are two cache entries when their
/// prefixes differ.
/// </summary>
/// <param name="Query">Put before every search query (<see cref="EmbeddingFunction.EmbedQueriesAsync"/>).</param>
/// <param name="Document">Put before every document (<see cref="EmbeddingFunction.EmbedAsync"/>: rows written, updates).</param>
public sealed record EmbeddingPrompts(string? Query = null, string? Document = null)
{
    /// <summary>No prefix on either kind.</summary>
    public static EmbeddingPrompts None { get; } = new();
}
