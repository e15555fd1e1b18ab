using LanceOrm.Embeddings.Images;
using SkiaSharp;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>EXIF orientation: every one of the eight origins maps the stored pixels exactly onto the upright frame.</summary>
public sealed class EncodedOrientationSpecification
{
    public static TheoryData<SKEncodedOrigin> Origins() => [.. Enum.GetValues<SKEncodedOrigin>()];

    [Theory]
    [MemberData(nameof(Origins))]
    public void The_stored_frame_lands_exactly_on_the_upright_frame(SKEncodedOrigin origin)
    {
        const int width = 40, height = 30;
        var swap = EncodedOrientation.SwapsAxes(origin);

        var upright = EncodedOrientation.ToUpright(origin, width, height).MapRect(new SKRect(0, 0, width, height));

        Assert.Equal(new SKRect(0, 0, swap ? height : width, swap ? width : height), upright);
    }

    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, 0, 0)]
    [InlineData(SKEncodedOrigin.TopRight, 40, 0)]
    [InlineData(SKEncodedOrigin.BottomRight, 40, 30)]
    [InlineData(SKEncodedOrigin.BottomLeft, 0, 30)]
    [InlineData(SKEncodedOrigin.LeftTop, 0, 0)]
    [InlineData(SKEncodedOrigin.RightTop, 30, 0)]
    [InlineData(SKEncodedOrigin.RightBottom, 30, 40)]
    [InlineData(SKEncodedOrigin.LeftBottom, 0, 40)]
    public void The_stored_first_pixel_goes_where_EXIF_says(SKEncodedOrigin origin, float x, float y)
    {
        var corner = EncodedOrientation.ToUpright(origin, 40, 30).MapPoint(0, 0);

        Assert.Equal(new SKPoint(x, y), corner);
    }
}
