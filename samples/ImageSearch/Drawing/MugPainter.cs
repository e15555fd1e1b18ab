using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>A mug: a rounded body with a band, a ring handle on the right and a wisp of steam.</summary>
public sealed class MugPainter : Painter
{
    public override string Family => "mug";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var body = paints.Fill(look.Main);
        var outline = paints.Stroke(Shade(look.Main, 0.6f), 4);
        var handle = paints.Stroke(look.Main, 16);
        var band = paints.Fill(look.Accent);
        var steam = paints.Stroke(new SKColor(255, 255, 255, 200), 5);

        canvas.DrawOval(new SKRect(35, -35, 95, 35), handle);
        var mug = new SKRoundRect(new SKRect(-60, -50, 50, 80), 14);
        canvas.DrawRoundRect(mug, body);
        canvas.DrawRect(-60, 0, 110, 18, band);
        canvas.DrawRoundRect(mug, outline);
        canvas.DrawOval(new SKRect(-60, -58, 50, -42), paints.Fill(Shade(look.Main, 0.45f)));

        for (var i = 0; i < 2; i++)
        {
            using var wisp = new SKPath();
            var x = -25 + i * 30;
            wisp.MoveTo(x, -65);
            wisp.CubicTo(x - 15, -80, x + 15, -95, x, -110);
            canvas.DrawPath(wisp, steam);
        }
    }
}
