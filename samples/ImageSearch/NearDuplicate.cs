using SkiaSharp;

namespace ImageSearch;

/// <summary>
/// Makes a near-duplicate of an encoded picture, as a shop's thumbnail pipeline would: keeps the central 95% (2.5% cut
/// from every edge), halves the size and re-encodes it as a JPEG of quality 50.
/// </summary>
public static class NearDuplicate
{
    public const float Keep = 0.95f;
    public const float Scale = 0.5f;
    public const int JpegQuality = 50;

    public static byte[] Make(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var original = SKImage.FromEncodedData(encoded)
                             ?? throw new InvalidDataException("The picture cannot be decoded (not a JPEG or PNG SkiaSharp can read).");
        var cropWidth = original.Width * Keep;
        var cropHeight = original.Height * Keep;
        var source = SKRect.Create((original.Width - cropWidth) / 2, (original.Height - cropHeight) / 2, cropWidth, cropHeight);
        var width = (int)MathF.Round(cropWidth * Scale);
        var height = (int)MathF.Round(cropHeight * Scale);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
                            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        surface.Canvas.DrawImage(original, source, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var copy = surface.Snapshot();
        using var data = copy.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
                         ?? throw new InvalidOperationException("SkiaSharp could not encode the near-duplicate as JPEG.");
        return data.ToArray();
    }
}
