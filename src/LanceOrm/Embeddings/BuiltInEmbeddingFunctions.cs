namespace LanceOrm.Embeddings;

/// <summary>The embedding functions every <see cref="EmbeddingRegistry"/> knows without registration.</summary>
internal static class BuiltInEmbeddingFunctions
{
    /// <summary>The registry name of sentence-transformers/all-MiniLM-L6-v2.</summary>
    public const string MiniLm = "minilm";

    /// <summary>The vector dimension of all-MiniLM-L6-v2.</summary>
    public const int MiniLmDimensions = 384;

    /// <summary>The Hugging Face model id of all-MiniLM-L6-v2.</summary>
    public const string MiniLmModelId = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>
    /// The identity of <c>minilm</c>: written to table metadata as
    /// <c>{"name": "sentence-transformers", "model": {"name": "all-MiniLM-L6-v2"}}</c>, the form LanceDB's Python client reads.
    /// </summary>
    public static EmbeddingFunctionIdentity MiniLmIdentity { get; } =
        new(MiniLm, MiniLmModelId, "1", "sentence-transformers", """{"name":"all-MiniLM-L6-v2"}""");
}
