namespace LanceOrm.Embeddings.Images;

/// <summary>
/// The ResNet-18 featurizer's preprocessing (its <c>ResNetPreprocess.onnx</c>: RGB planes reordered to BGR, minus a
/// per-pixel mean image) fused with the conversion of interleaved RGBA bytes to planar floats, in one pass.
/// </summary>
internal static class BgrMeanWriter
{
    /// <summary>
    /// Writes <paramref name="rgba"/> (n pixels × 4 bytes; alpha ignored) as three planes B, G, R of n floats each, minus
    /// <paramref name="mean"/> (3 × n floats, planes in the same B, G, R order), into <paramref name="planar"/>.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> rgba, ReadOnlySpan<float> mean, Span<float> planar)
    {
        var pixels = rgba.Length / 4;
        if (mean.Length != 3 * pixels || planar.Length < 3 * pixels)
        {
            throw new ArgumentException($"{pixels} pixels need a mean of {3 * pixels} floats (got {mean.Length}) and a destination of at least {3 * pixels} (got {planar.Length}).");
        }

        var blue = planar[..pixels];
        var green = planar.Slice(pixels, pixels);
        var red = planar.Slice(2 * pixels, pixels);
        var meanBlue = mean[..pixels];
        var meanGreen = mean.Slice(pixels, pixels);
        var meanRed = mean.Slice(2 * pixels, pixels);
        for (var i = 0; i < pixels; i++)
        {
            var p = 4 * i;
            red[i] = rgba[p] - meanRed[i];
            green[i] = rgba[p + 1] - meanGreen[i];
            blue[i] = rgba[p + 2] - meanBlue[i];
        }
    }
}
