namespace LanceOrm.Embeddings;

/// <summary>
/// The stable identity of an embedding function: used in cache keys and in the table metadata that the official
/// LanceDB clients read (<c>embedding_functions</c>: <see cref="MetadataName"/> + <see cref="ModelJson"/>).
/// </summary>
/// <param name="Name">The registry name (for example <c>minilm</c>).</param>
/// <param name="Model">The model identifier (for example <c>sentence-transformers/all-MiniLM-L6-v2</c>).</param>
/// <param name="Version">A version that changes whenever the same text would embed differently.</param>
/// <param name="MetadataName">The alias the official clients know (for example <c>sentence-transformers</c>).</param>
/// <param name="ModelJson">The JSON object of creation arguments written as <c>model</c> in the metadata.</param>
public sealed record EmbeddingFunctionIdentity(string Name, string Model, string Version, string MetadataName, string ModelJson);
