using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>Renders a painter's picture and encodes it (JPEG quality 85, or PNG).</summary>
public static class Picture
{
    public const int JpegQuality = 85;

    public static SKImage Render(Painter painter, Look look)
    {
        ArgumentNullException.ThrowIfNull(painter);
        using var surface = SKSurface.Create(new SKImageInfo(Painter.Width, Painter.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
                            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        painter.Paint(surface.Canvas, look);
        return surface.Snapshot();
    }

    public static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality = JpegQuality)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var data = image.Encode(format, quality)
                         ?? throw new InvalidOperationException($"SkiaSharp could not encode the picture as {format}.");
        return data.ToArray();
    }
}
