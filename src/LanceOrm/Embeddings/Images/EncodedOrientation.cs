using SkiaSharp;

namespace LanceOrm.Embeddings.Images;

/// <summary>The EXIF orientation of an encoded image as a matrix from stored pixels to upright pixels.</summary>
internal static class EncodedOrientation
{
    /// <summary>Whether <paramref name="origin"/> swaps width and height.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>Maps a stored image of <paramref name="width"/> × <paramref name="height"/> onto its upright form.</summary>
    public static SKMatrix ToUpright(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
