using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>The common "product photo" backdrop: a soft vertical gradient wall and a slightly darker table top.</summary>
internal static class Studio
{
    public static void PaintBackdrop(SKCanvas canvas, SKColor backdrop)
    {
        var wallTop = Lighten(backdrop, 0.35f);
        using var wall = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Painter.Height), [wallTop, backdrop], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, Painter.Width, Painter.Height, wall);
        using var table = new SKPaint { Color = Darken(backdrop, 0.85f), IsAntialias = true };
        canvas.DrawRect(0, Painter.Height * 0.82f, Painter.Width, Painter.Height, table);
    }

    private static SKColor Lighten(SKColor c, float amount) => new(
        (byte)(c.Red + (255 - c.Red) * amount), (byte)(c.Green + (255 - c.Green) * amount), (byte)(c.Blue + (255 - c.Blue) * amount));

    private static SKColor Darken(SKColor c, float factor) => new((byte)(c.Red * factor), (byte)(c.Green * factor), (byte)(c.Blue * factor));
}
