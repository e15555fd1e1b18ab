namespace LanceOrm.Embeddings;

/// <summary>A generator that can write vectors straight into a caller's buffer (no per-text arrays).</summary>
internal interface IEmbeddingWriter
{
    Task EmbedIntoAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken);
}
