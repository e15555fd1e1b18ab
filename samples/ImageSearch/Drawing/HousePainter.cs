using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>
/// A house: walls, a pitched roof with a chimney, a door and two windows with crossbars; shape 1 has a second storey
/// with two more windows.
/// </summary>
public sealed class HousePainter : Painter
{
    public override string Family => "house";

    protected override void PaintObject(SKCanvas canvas, Look look, Paints paints)
    {
        var walls = paints.Fill(look.Main);
        var roof = paints.Fill(look.Accent);
        var glass = paints.Fill(new SKColor(170, 210, 240));
        var trim = paints.Stroke(new SKColor(250, 250, 250), 4);
        var door = paints.Fill(Shade(look.Accent, 0.6f));

        var storeys = look.Shape == 1 ? 2 : 1;
        var eaves = storeys == 1 ? -20f : -55f;
        var rise = storeys == 1 ? 75f : 55f;
        canvas.DrawRect(45, eaves - rise + 10, 22, 40, roof);
        canvas.DrawRect(-90, eaves, 180, 80 - eaves, walls);
        using (var gable = new SKPath())
        {
            gable.MoveTo(-110, eaves + 5);
            gable.LineTo(0, eaves - rise);
            gable.LineTo(110, eaves + 5);
            gable.Close();
            canvas.DrawPath(gable, roof);
        }

        canvas.DrawRect(-15, 20, 30, 60, door);
        var windows = new List<SKPoint> { new(-70, 0), new(35, 0) };
        if (storeys == 2)
        {
            windows.AddRange([new(-70, -45), new(35, -45)]);
        }

        foreach (var corner in windows)
        {
            var window = SKRect.Create(corner.X, corner.Y, 35, 35);
            canvas.DrawRect(window, glass);
            canvas.DrawRect(window, trim);
            canvas.DrawLine(window.MidX, window.Top, window.MidX, window.Bottom, trim);
            canvas.DrawLine(window.Left, window.MidY, window.Right, window.MidY, trim);
        }
    }
}
