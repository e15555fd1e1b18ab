using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>One picture of the set: its catalogue entry, the painter and look that draw it, and its file format.</summary>
public sealed record ImageSpec(string Id, string Title, Painter Painter, Look Look, SKEncodedImageFormat Format)
{
    public string FileName => Id + (Format == SKEncodedImageFormat.Png ? ".png" : ".jpg");

    public CatalogEntry ToEntry() => new(Id, FileName, Title, Painter.Family);
}
