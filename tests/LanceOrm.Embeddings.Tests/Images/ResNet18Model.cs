using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>One resnet18 generator per test class (the model loads once), on the restored package's files, CPU, one test-owned cache.</summary>
public sealed class ResNet18Model : IDisposable
{
    public static string Cache { get; } = Path.Combine(Path.GetTempPath(), "lanceorm-test-models");

    public ResNet18EmbeddingGenerator Generator { get; } = new(Options());

    public static ResNet18Options Options(int maxBatchSize = 16) => new()
    {
        ModelDirectory = SharedModelFiles.ResNet18Directory,
        CacheDirectory = Cache,
        ExecutionProvider = Onnx.OnnxExecutionProvider.Cpu,
        MaxBatchSize = maxBatchSize,
    };

    public async Task<float[][]> EmbedAsync(IReadOnlyList<byte[]> images, CancellationToken cancellationToken)
    {
        var vectors = new float[images.Count * ResNet18EmbeddingGenerator.Dimensions];
        await ((IImageEmbeddingWriter)Generator).EmbedIntoAsync([.. images.Select(i => (ReadOnlyMemory<byte>)i)], vectors, cancellationToken);
        return [.. vectors.Chunk(ResNet18EmbeddingGenerator.Dimensions)];
    }

    public void Dispose() => Generator.Dispose();
}
