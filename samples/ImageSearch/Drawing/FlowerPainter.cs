using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>
/// A flower in a pot: a stem with two leaves and a head of eight broad petals (shape 1: sixteen narrow ones) around a
/// round centre.
/// </summary>
public sealed class FlowerPainter : Painter
{
    public override string Family => "flower";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var stem = paints.Stroke(new SKColor(50, 130, 50), 8);
        var leaf = paints.Fill(new SKColor(70, 160, 60));
        canvas.DrawLine(0, 50, 0, -40, stem);
        canvas.Save();
        canvas.RotateDegrees(-35, -5, 20);
        canvas.DrawOval(new SKRect(-55, 10, -5, 30), leaf);
        canvas.Restore();
        canvas.Save();
        canvas.RotateDegrees(35, 5, 5);
        canvas.DrawOval(new SKRect(5, -5, 55, 15), leaf);
        canvas.Restore();

        var petal = paints.Fill(look.Main);
        var vein = paints.Stroke(Shade(look.Main, 0.75f), 2);
        var petals = look.Shape == 1 ? 16 : 8;
        var halfWidth = look.Shape == 1 ? 6 : 14;
        for (var i = 0; i < petals; i++)
        {
            canvas.Save();
            canvas.Translate(0, -60);
            canvas.RotateDegrees(i * 360f / petals);
            var oval = new SKRect(-halfWidth, -58, halfWidth, -8);
            canvas.DrawOval(oval, petal);
            canvas.DrawOval(oval, vein);
            canvas.Restore();
        }

        canvas.DrawCircle(0, -60, 18, paints.Fill(look.Accent));
        using (var pot = new SKPath())
        {
            pot.MoveTo(-40, 45);
            pot.LineTo(40, 45);
            pot.LineTo(30, 85);
            pot.LineTo(-30, 85);
            pot.Close();
            canvas.DrawPath(pot, paints.Fill(new SKColor(190, 100, 60)));
        }

        canvas.DrawRect(-44, 40, 88, 10, paints.Fill(new SKColor(170, 85, 50)));
    }
}
