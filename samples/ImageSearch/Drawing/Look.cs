using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>
/// How one picture of a family differs from its siblings: the object's main and accent colours, the backdrop, and where
/// the object stands (horizontal offset from the centre, in pixels, and scale), and which of the family's shapes it has
/// (<see cref="Shape"/>: 0 the first, 1 the second; e.g. a broad-leaved tree or a conifer). Pictures are 320×240.
/// </summary>
public sealed record Look(SKColor Main, SKColor Accent, SKColor Backdrop, float OffsetX = 0, float Scale = 1, int Shape = 0);
