using LanceOrm.Embeddings;
using LanceOrm.Embeddings.Onnx;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Tests.Support;

/// <summary>A photo catalogue: each row's encoded image is embedded by the built-in resnet18 function.</summary>
[LanceTable("pictures")]
public partial class Picture
{
    [Key] public string Id { get; set; } = "";

    public string Caption { get; set; } = "";

    [Embed("resnet18")] public byte[]? Image { get; set; }

    [Vector(512), Column("vector")] public float[]? Vector { get; set; }
}

/// <summary>Images kept as files next to the table: the column holds the path, the vector is computed from the file.</summary>
[LanceTable("picture_files")]
public partial class PictureFile
{
    [Key] public string Id { get; set; } = "";

    [Embed("resnet18")] public FileInfo? File { get; set; }
}

/// <summary>Images held as <see cref="ReadOnlyMemory{T}"/> of bytes.</summary>
[LanceTable("picture_buffers")]
public partial class PictureBuffer
{
    [Key] public string Id { get; set; } = "";

    [Embed("resnet18")] public ReadOnlyMemory<byte> Image { get; set; }
}

/// <summary>The real resnet18 model from the restored package, on the CPU, with the tests' model cache.</summary>
public static class Pictures
{
    public static EmbeddingRegistry Registry() => new(new EmbeddingRegistryOptions
    {
        ResNet18 = new ResNet18Options
        {
            ModelDirectory = SharedModelFiles.ResNet18Directory,
            CacheDirectory = Path.Combine(Path.GetTempPath(), "lanceorm-test-models"),
            ExecutionProvider = OnnxExecutionProvider.Cpu,
        },
    });

    /// <summary>The catalogue: one picture per test scene, id <c>s{n}</c>.</summary>
    public static Picture[] Catalogue() =>
        [.. Enumerable.Range(0, TestImages.SceneCount).Select(s => new Picture { Id = $"s{s}", Caption = $"scene {s}", Image = TestImages.SceneJpeg(s) })];

    /// <summary>A copy of scene <paramref name="scene"/> as a photo collection holds one: 5% cropped, resized to 70%, re-encoded at JPEG quality 60.</summary>
    public static byte[] NearDuplicate(int scene) =>
        TestImages.Reencoded(TestImages.Resized(TestImages.Cropped(TestImages.SceneJpeg(scene), 0.05), 0.7), 60);

    /// <summary>A JPEG cut off after its first 40% (its entropy-coded data ends early).</summary>
    public static byte[] Truncated(int scene)
    {
        var jpeg = TestImages.SceneJpeg(scene);
        return jpeg[..(jpeg.Length * 2 / 5)];
    }
}
