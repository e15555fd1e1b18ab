using SkiaSharp;

namespace LanceOrm.Embeddings.Images;

/// <summary>
/// Decodes an encoded image (JPEG, PNG, GIF's first frame, BMP, WebP, ICO, WBMP: what Skia reads) into an upright,
/// opaque square of <c>side</c> × <c>side</c> RGBA pixels: EXIF orientation applied, transparency composited over white,
/// the shorter side scaled to <c>side</c> and the centre cropped. A large JPEG is decoded at a reduced scale (1/2, 1/4,
/// 1/8: libjpeg-turbo's DCT scaling) as long as its shorter side stays at least <c>side</c>; the last resize uses Mitchell
/// cubic filtering, or trilinear mipmaps when it shrinks more than twofold. Thread-safe.
/// </summary>
internal static class SquareImageDecoder
{
    /// <summary>The formats named in messages.</summary>
    public const string SupportedFormats = "JPEG, PNG, GIF, BMP, WebP, ICO, WBMP";

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="rgba"/> (<paramref name="side"/>² × 4 bytes, rows packed).</summary>
    /// <param name="encoded">The encoded image.</param>
    /// <param name="side">The square's side in pixels.</param>
    /// <param name="rgba">The destination.</param>
    /// <param name="index">The image's position in the call, for <see cref="InvalidImageException"/>.</param>
    /// <exception cref="InvalidImageException">The bytes are empty, not an image Skia reads, truncated or corrupt, or too large.</exception>
    public static void Decode(ReadOnlySpan<byte> encoded, int side, Span<byte> rgba, int index)
    {
        if (encoded.IsEmpty)
        {
            throw Invalid(index, "it is empty (0 bytes)");
        }

        using var data = SKData.CreateCopy(encoded);
        var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened); // owns the stream when created
        if (codec is null)
        {
            stream.Dispose();
            throw Invalid(index, opened == SKCodecResult.IncompleteInput
                ? "it is truncated: its header ends early"
                : $"it is not a supported image format ({SupportedFormats}); {encoded.Length} bytes starting {Describe(encoded)}");
        }

        var format = codec.EncodedFormat.ToString().ToUpperInvariant();
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > ImageLimits.MaxPixels)
        {
            throw Invalid(index, $"the {format} declares {width}×{height} pixels ({(long)width * height / 1_000_000.0:0.#} megapixels), more than the limit of {ImageLimits.MaxPixels / 1_000_000} megapixels; it was not decoded");
        }

        if (width <= 0 || height <= 0)
        {
            throw Invalid(index, $"the {format} has no pixels ({width}×{height})");
        }

        using var stored = DecodePixels(codec, side, format, index);
        DrawSquare(stored, codec.EncodedOrigin, side, rgba);
    }

    private static SKBitmap DecodePixels(SKCodec codec, int side, string format, int index)
    {
        var info = codec.Info;
        var shorter = Math.Min(info.Width, info.Height);
        if (shorter > 2 * side)
        {
            var scaled = codec.GetScaledDimensions((float)side / shorter);
            if (Math.Min(scaled.Width, scaled.Height) >= side)
            {
                info = info.WithSize(scaled.Width, scaled.Height);
            }
        }

        info = info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul).WithColorSpace(null);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        throw Invalid(index, result switch
        {
            SKCodecResult.IncompleteInput => $"it is a truncated or corrupt {format}: the data ends before the last pixel row",
            SKCodecResult.ErrorInInput => $"it is a truncated or corrupt {format}: the data is malformed",
            _ => $"its {format} data cannot be decoded ({result})",
        });
    }

    private static void DrawSquare(SKBitmap stored, SKEncodedOrigin origin, int side, Span<byte> rgba)
    {
        var swap = EncodedOrientation.SwapsAxes(origin);
        var (uprightWidth, uprightHeight) = swap ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        float shorter = Math.Min(uprightWidth, uprightHeight);
        var scale = side / shorter;
        var matrix = SKMatrix.Concat(
            SKMatrix.CreateScale(scale, scale),
            SKMatrix.Concat(
                SKMatrix.CreateTranslation(-(uprightWidth - shorter) / 2, -(uprightHeight - shorter) / 2),
                EncodedOrientation.ToUpright(origin, stored.Width, stored.Height)));
        var sampling = scale >= 0.5f
            ? new SKSamplingOptions(SKCubicResampler.Mitchell)
            : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);

        var squareInfo = new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul, null);
        using var square = new SKBitmap(squareInfo);
        using (var canvas = new SKCanvas(square))
        using (var image = SKImage.FromBitmap(stored))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(matrix);
            canvas.DrawImage(image, 0, 0, sampling);
        }

        square.GetPixelSpan().CopyTo(rgba);
    }

    private static string Describe(ReadOnlySpan<byte> encoded) =>
        Convert.ToHexString(encoded[..Math.Min(8, encoded.Length)]);

    private static InvalidImageException Invalid(int index, string problem) =>
        new($"Image {index} of the call cannot be used: {problem}.", index) { Problem = problem };
}
