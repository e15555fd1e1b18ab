using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>A bicycle seen from the side: two spoked wheels, a diamond frame, saddle and handlebar.</summary>
public sealed class BicyclePainter : Painter
{
    public override string Family => "bicycle";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var tyre = paints.Stroke(new SKColor(40, 40, 40), 9);
        var spoke = paints.Stroke(new SKColor(150, 150, 150), 2);
        var frame = paints.Stroke(look.Main, 9);
        var parts = paints.Stroke(look.Accent, 8);

        var rear = new SKPoint(-85, 40);
        var front = new SKPoint(85, 40);
        foreach (var hub in new[] { rear, front })
        {
            for (var a = 0; a < 12; a++)
            {
                var angle = a * MathF.PI / 6;
                canvas.DrawLine(hub, new SKPoint(hub.X + 50 * MathF.Cos(angle), hub.Y + 50 * MathF.Sin(angle)), spoke);
            }

            canvas.DrawCircle(hub, 52, tyre);
        }

        var crank = new SKPoint(-5, 45);
        var seat = new SKPoint(-35, -30);
        var head = new SKPoint(60, -35);
        canvas.DrawLine(rear, crank, frame);
        canvas.DrawLine(rear, seat, frame);
        canvas.DrawLine(seat, crank, frame);
        canvas.DrawLine(crank, head, frame);
        canvas.DrawLine(seat, head, frame);
        canvas.DrawLine(head, front, frame);

        canvas.DrawLine(new SKPoint(-38, -38), new SKPoint(-36, -30), parts);
        canvas.DrawLine(new SKPoint(-55, -42), new SKPoint(-20, -42), parts);
        canvas.DrawLine(head, new SKPoint(56, -55), parts);
        canvas.DrawLine(new SKPoint(45, -58), new SKPoint(72, -58), parts);
        canvas.DrawCircle(crank, 10, paints.Fill(look.Accent));
    }
}
