namespace LanceOrm.Embeddings.Images;

/// <summary>Bounds on what the decoder accepts.</summary>
internal static class ImageLimits
{
    /// <summary>
    /// The most pixels an encoded image may declare (100 megapixels). Larger images are rejected from their header,
    /// before any pixel is decoded: a few kilobytes of crafted PNG or GIF can otherwise ask for gigabytes.
    /// </summary>
    public const long MaxPixels = 100_000_000;
}
