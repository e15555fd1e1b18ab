using System.Numerics.Tensors;
using LanceOrm.Diagnostics;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>The resnet18 generator: deterministic, batch-independent, alpha-aware, and precise about bad images.</summary>
public sealed class ResNet18GeneratorSpecification(ResNet18Model model) : IClassFixture<ResNet18Model>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_bytes_give_the_same_vector()
    {
        var image = TestImages.SceneJpeg(2);

        var vectors = await model.EmbedAsync([image, (byte[])image.Clone()], Ct);

        Assert.Equal(vectors[0], vectors[1]);
    }

    [Fact]
    public async Task Images_are_counted_as_images_of_the_model_never_as_texts()
    {
        using var images = new MetricCollector<long>(LanceOrmTelemetry.Meter, LanceOrmTelemetry.ImagesEmbedded);
        using var texts = new MetricCollector<long>(LanceOrmTelemetry.Meter, LanceOrmTelemetry.TextsEmbedded);

        await model.EmbedAsync([TestImages.SceneJpeg(0), TestImages.SceneJpeg(1), TestImages.SceneJpeg(2)], Ct);

        static bool OfResNet18(CollectedMeasurement<long> m) => Equals(m.Tags["model"], "resnet18");
        Assert.True(images.GetMeasurementSnapshot().Where(OfResNet18).Sum(m => m.Value) >= 3);
        Assert.DoesNotContain(texts.GetMeasurementSnapshot(), OfResNet18);
    }

    [Fact]
    public async Task A_batch_gives_the_vectors_of_one_by_one_calls()
    {
        byte[][] images = [TestImages.Scene(1), TestImages.SceneJpeg(4), TestImages.Scene(6)];
        using var oneByOne = new ResNet18EmbeddingGenerator(ResNet18Model.Options(maxBatchSize: 1));

        var batched = await model.EmbedAsync(images, Ct);
        var single = await oneByOne.GenerateAsync(images.Select(i => new DataContent(i, "image/png")), cancellationToken: Ct);

        for (var i = 0; i < images.Length; i++)
        {
            VectorAssert.Close(single[i].Vector.Span, batched[i], 1e-5f);
        }
    }

    [Fact]
    public async Task A_png_with_transparency_is_embedded_as_if_drawn_on_white()
    {
        var (transparent, onWhite) = TestImages.ShapeWithAlpha();

        var vectors = await model.EmbedAsync([transparent, onWhite], Ct);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > 0.999f);
    }

    public static TheoryData<string, byte[], string> BadImages()
    {
        var jpeg = TestImages.SceneJpeg(0);
        return new()
        {
            { "empty", [], "empty" },
            { "text", "name,price\nlamp,12\n"u8.ToArray(), "not a supported image format (JPEG, PNG" },
            { "truncated JPEG", jpeg[..(jpeg.Length / 2)], "truncated or corrupt JPEG" },
            { "corrupt PNG", Corrupt(TestImages.Scene(0)), "truncated or corrupt PNG" },
        };
    }

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task A_bad_image_in_a_batch_of_three_is_an_InvalidImageException_with_its_index(string kind, byte[] bad, string message)
    {
        var good = TestImages.SceneJpeg(5);

        var error = await Assert.ThrowsAsync<InvalidImageException>(() => model.EmbedAsync([good, bad, good], Ct));

        Assert.True(error.Index == 1, $"{kind}: index {error.Index}");
        Assert.Contains(message, error.Message);
        Assert.Contains("Image 1", error.Message);
    }

    [Fact]
    public async Task An_image_declaring_more_than_100_megapixels_is_rejected_before_decoding()
    {
        var bomb = PngHeader(20_000, 20_000);

        var error = await Assert.ThrowsAsync<InvalidImageException>(() => model.EmbedAsync([bomb], Ct));

        Assert.Equal(0, error.Index);
        Assert.Contains("20000×20000", error.Message);
        Assert.Contains("limit of 100 megapixels", error.Message);
    }

    [Fact]
    public void Int8_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet18EmbeddingGenerator(new ResNet18Options { Precision = ModelPrecision.Int8 }));

        Assert.Contains("ResNet18Options.Precision = Int8 is not supported", error.Message);
        Assert.Contains("convolutions", error.Message);
    }

    [Fact]
    public void Metadata_names_the_model_and_512_dimensions()
    {
        Assert.Equal(512, model.Generator.Metadata.DefaultModelDimensions);
        Assert.Equal("microsoft/ML.NET DnnImageFeaturizer ResNet18 0.23.1", model.Generator.Metadata.DefaultModelId);
        Assert.Equal(16, new ResNet18Options().MaxBatchSize);
    }

    /// <summary>A PNG whose first image-data bytes are overwritten (its chunk CRC no longer matches).</summary>
    private static byte[] Corrupt(byte[] png)
    {
        var copy = (byte[])png.Clone();
        var idat = copy.AsSpan().IndexOf("IDAT"u8);
        copy.AsSpan(idat + 4, Math.Min(64, copy.Length - idat - 20)).Fill(0x5A);
        return copy;
    }

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> RGB pixels whose image data is a few hundred zero bytes (a bomb's shape).</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        var png = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, compressed.ToArray());
        Chunk(png, "IEND"u8, []);
        return [.. png];
    }

    private static void Chunk(List<byte> png, ReadOnlySpan<byte> type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        byte[] typed = [.. type, .. data];
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.AddRange(length);
        png.AddRange(typed);
        png.AddRange(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
