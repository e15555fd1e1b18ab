using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>Makes the fill and stroke paints of one drawing and disposes them all when the drawing is done.</summary>
public sealed class Paints : IDisposable
{
    private readonly List<SKPaint> _made = [];

    public SKPaint Fill(SKColor color) => Keep(new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill });

    public SKPaint Stroke(SKColor color, float width) => Keep(new SKPaint
    {
        Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round,
    });

    public void Dispose()
    {
        foreach (var paint in _made)
        {
            paint.Dispose();
        }

        _made.Clear();
    }

    private SKPaint Keep(SKPaint paint)
    {
        _made.Add(paint);
        return paint;
    }
}
