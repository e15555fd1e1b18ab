using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>Draws one family of objects (mugs, bicycles, ...) as a simple "product photo" on a 320×240 canvas.</summary>
public abstract class Painter
{
    public const int Width = 320;
    public const int Height = 240;

    /// <summary>The family name written to <c>catalog.json</c> (e.g. <c>mug</c>).</summary>
    public abstract string Family { get; }

    /// <summary>Draws the backdrop, then the object centred (shifted and scaled by <paramref name="look"/>).</summary>
    public void Paint(SKCanvas canvas, Look look)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(look);
        Studio.PaintBackdrop(canvas, look.Backdrop);
        canvas.Save();
        canvas.Translate(Width / 2f + look.OffsetX, Height / 2f);
        canvas.Scale(look.Scale);
        using var paints = new Paints();
        PaintObject(canvas, look, paints);
        canvas.Restore();
    }

    /// <summary>Draws the object with the origin at its centre (about 220×200 pixels at scale 1), with paints from <paramref name="paints"/>.</summary>
    protected abstract void PaintObject(SKCanvas canvas, Look look, Paints paints);

    /// <summary>The colour made darker (factor &lt; 1) or lighter (factor &gt; 1), for shading and outlines.</summary>
    protected static SKColor Shade(SKColor color, float factor) => new(
        (byte)Math.Clamp(color.Red * factor, 0, 255),
        (byte)Math.Clamp(color.Green * factor, 0, 255),
        (byte)Math.Clamp(color.Blue * factor, 0, 255));
}
