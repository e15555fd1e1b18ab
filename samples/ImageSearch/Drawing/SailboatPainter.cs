using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>A sailing boat on waves: a hull, a mast, a mainsail and a jib.</summary>
public sealed class SailboatPainter : Painter
{
    public override string Family => "sailboat";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var water = paints.Fill(new SKColor(50, 110, 180));
        var foam = paints.Stroke(new SKColor(220, 235, 250), 4);
        canvas.DrawRect(-400, 55, 800, 80, water);
        for (var x = -200f; x < 200; x += 40)
        {
            using var wave = new SKPath();
            wave.MoveTo(x, 62);
            wave.QuadTo(x + 10, 52, x + 20, 62);
            canvas.DrawPath(wave, foam);
        }

        using (var hull = new SKPath())
        {
            hull.MoveTo(-100, 35);
            hull.LineTo(100, 35);
            hull.LineTo(70, 70);
            hull.LineTo(-75, 70);
            hull.Close();
            canvas.DrawPath(hull, paints.Fill(look.Main));
        }

        canvas.DrawLine(0, 35, 0, -105, paints.Stroke(new SKColor(90, 60, 40), 6));
        var sail = paints.Fill(look.Accent);
        var seam = paints.Stroke(Shade(look.Accent, 0.7f), 3);
        using (var main = new SKPath())
        {
            main.MoveTo(-5, -100);
            main.LineTo(-5, 25);
            main.LineTo(-85, 25);
            main.Close();
            canvas.DrawPath(main, sail);
            canvas.DrawPath(main, seam);
        }

        using (var jib = new SKPath())
        {
            jib.MoveTo(5, -90);
            jib.LineTo(5, 25);
            jib.LineTo(70, 25);
            jib.Close();
            canvas.DrawPath(jib, sail);
            canvas.DrawPath(jib, seam);
        }
    }
}
