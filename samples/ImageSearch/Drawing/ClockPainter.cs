using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>A wall clock: a round face with a thick rim, twelve hour marks and two hands.</summary>
public sealed class ClockPainter : Painter
{
    public override string Family => "clock";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        canvas.DrawCircle(4, 6, 95, paints.Fill(new SKColor(0, 0, 0, 50)));
        canvas.DrawCircle(0, 0, 95, paints.Fill(look.Main));
        canvas.DrawCircle(0, 0, 78, paints.Fill(new SKColor(250, 248, 240)));
        var mark = paints.Stroke(new SKColor(30, 30, 30), 5);
        var minor = paints.Stroke(new SKColor(30, 30, 30), 2);
        for (var h = 0; h < 60; h++)
        {
            var angle = h * MathF.PI / 30;
            var (sin, cos) = MathF.SinCos(angle);
            var inner = h % 5 == 0 ? 60 : 70;
            canvas.DrawLine(inner * sin, -inner * cos, 74 * sin, -74 * cos, h % 5 == 0 ? mark : minor);
        }

        // The hands show a time taken from the colour, so that no two clocks read the same.
        var hours = (look.Main.Green % 12) * MathF.PI / 6;
        var minutes = (look.Main.Blue % 60) * MathF.PI / 30;
        canvas.DrawLine(0, 0, 40 * MathF.Sin(hours), -40 * MathF.Cos(hours), paints.Stroke(new SKColor(20, 20, 20), 9));
        canvas.DrawLine(0, 0, 62 * MathF.Sin(minutes), -62 * MathF.Cos(minutes), paints.Stroke(new SKColor(20, 20, 20), 6));
        canvas.DrawCircle(0, 0, 8, paints.Fill(look.Accent));
    }
}
