using SkiaSharp;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Procedurally drawn test images (SkiaSharp): eight distinct 320×240 scenes of shapes, stripes and gradients in
/// different colours and layouts, and the near-duplicates a photo collection holds (resized, re-encoded, cropped).
/// </summary>
public static class TestImages
{
    /// <summary>The number of distinct scenes.</summary>
    public const int SceneCount = 8;

    /// <summary>Scene <paramref name="scene"/> (0..7) drawn at <paramref name="width"/> × <paramref name="height"/>, as PNG.</summary>
    public static byte[] Scene(int scene, int width = 320, int height = 240) =>
        EncodeDrawn(Draw(scene, width, height), SKEncodedImageFormat.Png, 100);

    /// <summary>Scene <paramref name="scene"/> as a JPEG of <paramref name="quality"/>.</summary>
    public static byte[] SceneJpeg(int scene, int width = 320, int height = 240, int quality = 90) =>
        EncodeDrawn(Draw(scene, width, height), SKEncodedImageFormat.Jpeg, quality);

    /// <summary>The image scaled by <paramref name="factor"/> (PNG).</summary>
    public static byte[] Resized(byte[] encoded, double factor)
    {
        using var source = SKBitmap.Decode(encoded);
        using var scaled = source.Resize(new SKImageInfo((int)(source.Width * factor), (int)(source.Height * factor)), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Encode(scaled, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>The image re-encoded as a JPEG of <paramref name="quality"/>.</summary>
    public static byte[] Reencoded(byte[] encoded, int quality)
    {
        using var source = SKBitmap.Decode(encoded);
        return Encode(source, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>The image with <paramref name="fraction"/> of its width and height cut off each edge (PNG).</summary>
    public static byte[] Cropped(byte[] encoded, double fraction)
    {
        using var source = SKBitmap.Decode(encoded);
        var dx = (int)(source.Width * fraction);
        var dy = (int)(source.Height * fraction);
        using var cropped = new SKBitmap(source.Width - 2 * dx, source.Height - 2 * dy);
        source.ExtractSubset(cropped, new SKRectI(dx, dy, source.Width - dx, source.Height - dy));
        return Encode(cropped, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>A shape on a transparent background (PNG with alpha), and the same shape on white (opaque PNG).</summary>
    public static (byte[] Transparent, byte[] OnWhite) ShapeWithAlpha(int width = 320, int height = 240)
    {
        byte[] Render(SKColor background)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(background);
                using var paint = new SKPaint { Color = new SKColor(200, 30, 60), IsAntialias = true };
                canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
                paint.Color = new SKColor(20, 90, 200, 160);
                canvas.DrawRect(width / 8f, height / 8f, width / 3f, height / 4f, paint);
            }

            return Encode(bitmap, SKEncodedImageFormat.Png, 100);
        }

        return (Render(SKColors.Transparent), Render(SKColors.White));
    }

    /// <summary><paramref name="count"/> distinct photo-like JPEGs (a scene with varied colours and offsets) for benchmarks.</summary>
    public static IReadOnlyList<byte[]> Jpegs(int count, int width = 640, int height = 480, int quality = 90) =>
        [.. Enumerable.Range(0, count).Select(i => EncodeDrawn(Draw(i % SceneCount, width, height, variant: i / SceneCount), SKEncodedImageFormat.Jpeg, quality))];

    private static SKBitmap Draw(int scene, int width, int height, int variant = 0)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true };
        var random = new Random(scene * 7919 + variant);
        var hue = (scene * 45 + variant * 13) % 360;
        SKColor Hsv(float h, float s, float v) => SKColor.FromHsv(h % 360, s, v);
        float w = width, h = height;
        switch (scene)
        {
            case 0: // vertical stripes
                canvas.Clear(Hsv(hue, 20, 95));
                for (var x = 0; x < 10; x++)
                {
                    paint.Color = x % 2 == 0 ? Hsv(hue, 80, 60) : Hsv(hue + 180, 70, 90);
                    canvas.DrawRect(x * w / 10, 0, w / 10, h, paint);
                }

                break;
            case 1: // concentric circles
                canvas.Clear(Hsv(hue + 90, 10, 20));
                for (var r = 6; r > 0; r--)
                {
                    paint.Color = Hsv(hue + r * 30, 80, 40 + r * 9);
                    canvas.DrawCircle(w / 2, h / 2, r * h / 13, paint);
                }

                break;
            case 2: // diagonal linear gradient with a dark triangle
                paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [Hsv(hue, 90, 100), Hsv(hue + 120, 90, 40)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, w, h, paint);
                paint.Shader = null;
                paint.Color = SKColors.Black;
                using (var path = new SKPath())
                {
                    path.MoveTo(w * 0.2f, h * 0.85f);
                    path.LineTo(w * 0.5f, h * 0.15f);
                    path.LineTo(w * 0.8f, h * 0.85f);
                    path.Close();
                    canvas.DrawPath(path, paint);
                }

                break;
            case 3: // checkerboard
                for (var y = 0; y < 6; y++)
                {
                    for (var x = 0; x < 8; x++)
                    {
                        paint.Color = (x + y) % 2 == 0 ? SKColors.White : Hsv(hue, 90, 50);
                        canvas.DrawRect(x * w / 8, y * h / 6, w / 8, h / 6, paint);
                    }
                }

                break;
            case 4: // scattered small dots
                canvas.Clear(Hsv(hue, 5, 98));
                for (var i = 0; i < 120; i++)
                {
                    paint.Color = Hsv(hue + random.Next(60), 90, 30 + random.Next(60));
                    canvas.DrawCircle(random.NextSingle() * w, random.NextSingle() * h, h / 40 + random.NextSingle() * h / 40, paint);
                }

                break;
            case 5: // horizontal bands, sky over ground
                paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, h * 0.6f), [Hsv(210, 60, 100), Hsv(200, 20, 100)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, w, h * 0.6f, paint);
                paint.Shader = null;
                paint.Color = Hsv(100 + variant * 7, 70, 50);
                canvas.DrawRect(0, h * 0.6f, w, h * 0.4f, paint);
                paint.Color = Hsv(45, 90, 100);
                canvas.DrawCircle(w * 0.8f, h * 0.2f, h / 10, paint);
                break;
            case 6: // radial gradient with a grid of lines
                paint.Shader = SKShader.CreateRadialGradient(new SKPoint(w / 3, h / 3), w / 1.5f, [Hsv(hue, 30, 100), Hsv(hue + 40, 100, 30)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, w, h, paint);
                paint.Shader = null;
                paint.Color = SKColors.White;
                paint.StrokeWidth = 3;
                for (var i = 1; i < 8; i++)
                {
                    canvas.DrawLine(i * w / 8, 0, i * w / 8, h, paint);
                }

                break;
            default: // large rotated squares
                canvas.Clear(SKColors.Black);
                for (var i = 0; i < 4; i++)
                {
                    paint.Color = Hsv(hue + i * 90, 80, 90);
                    canvas.Save();
                    canvas.Translate(w * (0.2f + 0.2f * i), h * (0.3f + 0.12f * i));
                    canvas.RotateDegrees(15 * i + random.Next(10));
                    canvas.DrawRect(-h / 7, -h / 7, 2 * h / 7, 2 * h / 7, paint);
                    canvas.Restore();
                }

                break;
        }

        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static byte[] EncodeDrawn(SKBitmap drawn, SKEncodedImageFormat format, int quality)
    {
        using (drawn)
        {
            return Encode(drawn, format, quality);
        }
    }
}
