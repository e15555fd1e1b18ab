using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>A bowl of fruit: a half-round bowl on a foot holding a pile of round fruit with stalks and leaves.</summary>
public sealed class FruitBowlPainter : Painter
{
    public override string Family => "fruit bowl";

    private static readonly SKColor[] FruitColors =
    [
        new(220, 40, 40), new(250, 170, 30), new(120, 190, 50), new(240, 220, 60), new(150, 40, 110),
    ];

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var fruit = new (float X, float Y, float R)[] { (-60, 0, 30), (-5, -5, 33), (50, 2, 30), (-32, -45, 28), (25, -48, 28), (-2, -85, 24) };
        var stalk = paints.Stroke(new SKColor(90, 60, 30), 4);
        var leaf = paints.Fill(new SKColor(60, 150, 60));
        var shine = paints.Fill(new SKColor(255, 255, 255, 110));
        for (var i = 0; i < fruit.Length; i++)
        {
            var (x, y, r) = fruit[i];
            var color = FruitColors[(i + look.Main.Red) % FruitColors.Length]; // the heap's colours turn with the bowl's colour
            canvas.DrawCircle(x, y, r, paints.Fill(color));
            canvas.DrawCircle(x - r * 0.35f, y - r * 0.35f, r * 0.25f, shine);
            canvas.DrawLine(x, y - r, x + 3, y - r - 10, stalk);
            canvas.DrawOval(new SKRect(x + 4, y - r - 14, x + 20, y - r - 6), leaf);
        }

        using (var bowl = new SKPath())
        {
            bowl.MoveTo(-105, 15);
            bowl.ArcTo(new SKRect(-105, -45, 105, 75), 180, -180, false);
            bowl.Close();
            canvas.DrawPath(bowl, paints.Fill(look.Main));
            canvas.DrawPath(bowl, paints.Stroke(Shade(look.Main, 0.6f), 4));
        }

        canvas.DrawRect(-105, 12, 210, 8, paints.Fill(look.Accent));
        canvas.DrawRoundRect(new SKRoundRect(new SKRect(-35, 70, 35, 82), 4), paints.Fill(Shade(look.Main, 0.7f)));
    }
}
