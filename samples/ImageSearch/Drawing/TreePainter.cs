using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>
/// A tree: a trunk with two branches under a canopy of overlapping leaf clusters, round or (shape 1) tall and narrow
/// like a poplar's.
/// </summary>
public sealed class TreePainter : Painter
{
    public override string Family => "tree";

    private static readonly (float X, float Y, float R)[] Round = [(0, -55, 50), (-45, -35, 38), (45, -35, 38), (-25, -85, 34), (28, -85, 34), (0, -20, 32)];

    private static readonly (float X, float Y, float R)[] Tall = [(0, -105, 26), (-16, -80, 28), (16, -80, 28), (-20, -50, 31), (20, -50, 31), (-14, -20, 30), (14, -20, 30), (0, 5, 24)];

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var trunk = paints.Stroke(new SKColor(110, 75, 45), 22);
        var branch = paints.Stroke(new SKColor(110, 75, 45), 9);
        canvas.DrawLine(0, 80, 0, -10, trunk);
        canvas.DrawLine(0, 20, -35, -20, branch);
        canvas.DrawLine(0, 10, 35, -25, branch);

        var clusters = look.Shape == 1 ? Tall : Round;
        var dark = paints.Fill(Shade(look.Main, 0.75f));
        var leaves = paints.Fill(look.Main);
        var light = paints.Fill(look.Accent);
        foreach (var (x, y, r) in clusters)
        {
            canvas.DrawCircle(x + 4, y + 5, r, dark);
        }

        foreach (var (x, y, r) in clusters)
        {
            canvas.DrawCircle(x, y, r, leaves);
            canvas.DrawCircle(x - r * 0.3f, y - r * 0.3f, r * 0.35f, light);
        }
    }
}
