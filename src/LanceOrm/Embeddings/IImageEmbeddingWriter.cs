namespace LanceOrm.Embeddings;

/// <summary>An image generator that decodes encoded images and writes their vectors straight into a caller's buffer.</summary>
internal interface IImageEmbeddingWriter
{
    /// <summary>Embeds the encoded <paramref name="images"/> into <paramref name="destination"/> (row-major).</summary>
    /// <exception cref="InvalidImageException">An image cannot be decoded; its <see cref="InvalidImageException.Index"/> is its position in <paramref name="images"/>.</exception>
    Task EmbedIntoAsync(IReadOnlyList<ReadOnlyMemory<byte>> images, Memory<float> destination, CancellationToken cancellationToken);
}
