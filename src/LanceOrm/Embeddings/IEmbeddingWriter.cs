namespace LanceOrm.Embeddings;

/// <summary>A generator that can write vectors straight into a caller's buffer (no per-text arrays).</summary>
internal interface IEmbeddingWriter
{
    /// <summary>Embeds <paramref name="texts"/> into <paramref name="destination"/> (row-major).</summary>
    /// <returns>How many of the texts were cut to the model's maximum input length before embedding.</returns>
    Task<int> EmbedIntoAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken);
}
