using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;

namespace LanceOrm.Generators.Tests.RoundTrip;

/// <summary>The generated map of image properties: columns, round trip, bindings and the schema metadata of image functions.</summary>
public sealed class ImageMappingTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 4, 5, 6];

    /// <summary>One vector buffer per embedding (caption, picture, thumbnail, scan, original), <paramref name="rows"/> rows each.</summary>
    private static float[][] Vectors(int rows) =>
        PhotoLanceMap.Instance.Embeddings.Select((e, i) => Enumerable.Range(0, rows * e.Dimensions).Select(v => i + (v * 0.001f)).ToArray()).ToArray();

    private static IReadOnlyList<Photo> RoundTrip(params Photo[] photos) =>
        PhotoLanceMap.Instance.ReadBatch(ArrowIpc.RoundTrip(PhotoLanceMap.Instance.ToRecordBatch(photos, Vectors(photos.Length).Select(v => new ReadOnlyMemory<float>(v)).ToArray())));

    [Fact]
    public void Image_bytes_memory_and_file_paths_survive_entity_to_arrow_ipc_to_entity()
    {
        var photo = new Photo
        {
            Id = "p1",
            Caption = "a red square",
            Picture = Png,
            Thumbnail = Jpeg,
            Scan = new ReadOnlyMemory<byte>(Png, 2, 5),
            Original = new FileInfo(Path.Combine("photos", "red.png")),
            Source = new FileInfo("/data/in/red.png"),
            Raw = Jpeg,
        };

        var back = Assert.Single(RoundTrip(photo));

        Assert.Equal(Png, back.Picture);
        Assert.Equal(Jpeg, back.Thumbnail.ToArray());
        Assert.Equal(Png[2..7], back.Scan!.Value.ToArray());
        Assert.Equal(Path.Combine("photos", "red.png"), back.Original!.ToString());
        Assert.Equal(photo.Original.FullName, back.Original.FullName);
        Assert.Equal("/data/in/red.png", back.Source.ToString());
        Assert.Equal(Jpeg, back.Raw.ToArray());
        Assert.Equal(Vectors(1)[1], back.PictureVector);
    }

    [Fact]
    public void Null_images_stay_null_and_empty_memory_stays_empty()
    {
        var back = Assert.Single(RoundTrip(new Photo { Id = "p2", Scan = ReadOnlyMemory<byte>.Empty }));

        Assert.Null(back.Picture);
        Assert.True(back.Thumbnail.IsEmpty);
        Assert.NotNull(back.Scan);
        Assert.True(back.Scan.Value.IsEmpty);
        Assert.Null(back.Original);
        Assert.Equal("unknown.jpg", back.Source.ToString());
        Assert.True(back.Raw.IsEmpty);
        Assert.Null(Assert.Single(RoundTrip(new Photo { Id = "p3" })).Scan);
    }

    [Fact]
    public void Images_are_binary_columns_and_files_are_utf8_path_columns()
    {
        var schema = PhotoLanceMap.Instance.Schema;

        Assert.IsType<BinaryType>(schema.GetFieldByName("picture").DataType);
        Assert.IsType<BinaryType>(schema.GetFieldByName("thumbnail").DataType);
        Assert.IsType<BinaryType>(schema.GetFieldByName("scan").DataType);
        Assert.IsType<BinaryType>(schema.GetFieldByName("raw").DataType);
        Assert.IsType<StringType>(schema.GetFieldByName("original_path").DataType);
        Assert.IsType<StringType>(schema.GetFieldByName("source").DataType);
        Assert.Equal(
            [("picture", true), ("thumbnail", false), ("scan", true), ("original_path", true), ("source", false), ("raw", false)],
            new[] { "picture", "thumbnail", "scan", "original_path", "source", "raw" }.Select(n => (n, schema.GetFieldByName(n).IsNullable)));
        Assert.Equal(512, ((FixedSizeListType)schema.GetFieldByName("picture_vector").DataType).ListSize);
    }

    [Fact]
    public void Image_bindings_have_the_image_modality_and_read_each_shape_as_an_image_input()
    {
        var bindings = PhotoLanceMap.Instance.Embeddings.ToDictionary(b => b.SourcePropertyName);
        var photo = new Photo { Picture = Png, Thumbnail = Jpeg, Scan = Png, Original = new FileInfo("red.png") };
        var empty = new Photo { Scan = ReadOnlyMemory<byte>.Empty };

        Assert.Equal(EmbeddingModality.Text, bindings["Caption"].Modality);
        Assert.Null(bindings["Caption"].GetSourceImage);
        Assert.All(new[] { "Picture", "Thumbnail", "Scan", "Original" }, name => Assert.Equal(EmbeddingModality.Image, bindings[name].Modality));
        Assert.Equal(ImageInput.FromBytes(Png), bindings["Picture"].GetSourceImage!(photo));
        Assert.Equal(ImageInput.FromBytes(Jpeg), bindings["Thumbnail"].GetSourceImage!(photo));
        Assert.Equal(ImageInput.FromBytes(Png), bindings["Scan"].GetSourceImage!(photo));
        Assert.Equal(new FileInfo("red.png").FullName, bindings["Original"].GetSourceImage!(photo)!.Value.FilePath);
        Assert.All(new[] { "Picture", "Thumbnail", "Scan", "Original" }, name => Assert.Null(bindings[name].GetSourceImage!(empty)));
        Assert.Equal("picture_vector", bindings["Picture"].VectorColumn);
        Assert.Equal(Png.Length, bindings["Picture"].GetVector!(new Photo { PictureVector = new float[Png.Length] })!.Value.Length);
        Assert.Equal(512, bindings["Original"].Dimensions);
    }

    [Fact]
    public void Image_functions_are_listed_under_lanceorm_embedding_functions_and_text_functions_under_embedding_functions()
    {
        var metadata = PhotoLanceMap.Instance.Schema.Metadata;

        using var text = JsonDocument.Parse(metadata["embedding_functions"]);
        var caption = Assert.Single(text.RootElement.EnumerateArray());
        Assert.Equal("sentence-transformers", caption.GetProperty("name").GetString());
        Assert.Equal("caption", caption.GetProperty("source_column").GetString());
        using var images = JsonDocument.Parse(metadata["lanceorm_embedding_functions"]);
        Assert.Equal(
            [("resnet18", "picture", "picture_vector"), ("resnet18", "thumbnail", "thumbnail_vector"), ("resnet18", "scan", "scan_vector"), ("resnet18", "original_path", "original_path_vector")],
            images.RootElement.EnumerateArray().Select(e => (e.GetProperty("name").GetString(), e.GetProperty("source_column").GetString(), e.GetProperty("vectorColumn").GetString())));
        Assert.DoesNotContain("lanceorm_embedding_functions", ArticleLanceMap.Instance.Schema.Metadata.Keys);
    }

    [Fact]
    public void A_null_non_nullable_file_is_refused_on_write_and_on_read_naming_the_column()
    {
        var write = Assert.Throws<ArgumentException>(() =>
            PhotoLanceMap.Instance.ToRecordBatch([new Photo { Id = "p4", Source = null! }], Vectors(1).Select(v => new ReadOnlyMemory<float>(v)).ToArray()));
        Assert.Contains("column 'source'", write.Message);

        var batch = PhotoLanceMap.Instance.ToRecordBatch([new Photo { Id = "p5" }], Vectors(1).Select(v => new ReadOnlyMemory<float>(v)).ToArray());
        var index = batch.Schema.GetFieldIndex("source");
        var columns = batch.Arrays.Select((array, i) => i == index ? new StringArray.Builder().AppendNull().Build() : array).ToList();
        var read = Assert.Throws<InvalidOperationException>(() => PhotoLanceMap.Instance.ReadBatch(new RecordBatch(batch.Schema, columns, 1)));
        Assert.Contains("Column 'source' of table 'photos' holds no path", read.Message);
    }
}
