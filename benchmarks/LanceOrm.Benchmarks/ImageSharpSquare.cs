using LanceOrm.Embeddings.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LanceOrm.Benchmarks;

/// <summary>
/// The decode + resize + tensor path LanceOrm would have with SixLabors.ImageSharp 2.1.13 instead of SkiaSharp (the
/// comparison the library choice rests on; only this benchmark references ImageSharp): EXIF orientation, shorter side
/// to 224 with bicubic, centre crop, alpha over white, then the same BGR-minus-mean writer.
/// </summary>
internal static class ImageSharpSquare
{
    public static void Decode(byte[] encoded, int side, float[] mean, Span<float> planar, byte[] rgba)
    {
        using var image = Image.Load<Rgba32>(encoded);
        image.Mutate(x => x
            .AutoOrient()
            .Resize(new ResizeOptions { Size = new Size(side, side), Mode = ResizeMode.Crop, Sampler = KnownResamplers.Bicubic })
            .BackgroundColor(Color.White));
        image.CopyPixelDataTo(rgba);
        BgrMeanWriter.Write(rgba, mean, planar);
    }
}
