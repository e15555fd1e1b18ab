using System.Diagnostics;
using System.Globalization;
using LanceOrm.Embeddings;
using LanceOrm.Embeddings.Images;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Benchmarks;

/// <summary>
/// images/s of the built-in <c>resnet18</c> function against a bare ONNX Runtime session, and the cost of decoding:
/// (a) a bare <see cref="InferenceSession"/> on pre-decoded, pre-processed tensors (same batch size, same threads);
/// (b) LanceOrm's <c>resnet18</c> <see cref="ImageEmbeddingFunction"/> end to end from JPEG bytes, cold cache;
/// (c) decode + resize + tensor per image on one thread, with SkiaSharp (the library's) and with ImageSharp 2.1.13.
/// Rounds run interleaved (the machine may be shared) and the best round of each counts.
/// </summary>
internal static class ImageBenchmark
{
    private const int Side = ImageEncoderEngine.Side;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ImageBenchmarkOptions.Parse(args);
        var modelOptions = new ResNet18Options
        {
            ModelDirectory = options.ModelDirectory ?? SharedModelFiles.ResNet18Directory,
            MaxBatchSize = options.BatchSize,
            IntraOpThreads = options.Threads,
            ExecutionProvider = Embeddings.Onnx.OnnxExecutionProvider.Cpu,
        };
        var files = await new ImageModelResolver(modelOptions).ResolveAsync();
        var mean = await ImageEncoderEngine.ReadMeanImageAsync(files.PreprocessingPath, CancellationToken.None);
        var jpegs = TestImages.Jpegs(options.Images, options.Width, options.Height);

        Console.WriteLine($"LanceOrm image benchmark: {jpegs.Count} JPEGs of {options.Width}×{options.Height} (mean {jpegs.Average(j => j.Length) / 1024:N0} KiB), batch {options.BatchSize}, intra-op threads {(options.Threads == 0 ? "default" : options.Threads)}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
        Console.WriteLine($"model: {files.SourcePath} ({files.Origin}); run as {files.ModelPath}");

        var tensors = new float[jpegs.Count * 3 * Side * Side];
        ImageBatchDecoder.Decode([.. jpegs.Select(j => (ReadOnlyMemory<byte>)j)], 0, jpegs.Count, Side, mean, tensors, CancellationToken.None);
        using var bare = new BareSession(files.ModelPath, options);
        using var generator = new ResNet18EmbeddingGenerator(modelOptions);
        await generator.InitializeAsync();
        var inputs = jpegs.Select(j => (ImageInput)j).ToArray();
        var vectors = new float[jpegs.Count * ResNet18EmbeddingGenerator.Dimensions];

        Action<byte[], Span<float>, byte[]> skiaDecode = (jpeg, planar, rgba) =>
        {
            SquareImageDecoder.Decode(jpeg, Side, rgba, 0);
            BgrMeanWriter.Write(rgba, mean, planar);
        };
        Action<byte[], Span<float>, byte[]> imageSharpDecode = (jpeg, planar, rgba) => ImageSharpSquare.Decode(jpeg, Side, mean, planar, rgba);
        var warmUp = jpegs.Take(Math.Min(16, jpegs.Count)).ToArray(); // JIT: ImageSharp's generic pipeline compiles on first use
        MillisecondsPerImage(warmUp, skiaDecode);
        MillisecondsPerImage(warmUp, imageSharpDecode);

        double bestBare = 0, bestFunction = 0, bestSkia = double.MaxValue, bestImageSharp = double.MaxValue;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var a = bare.ImagesPerSecond(tensors, jpegs.Count);
            var function = new ImageEmbeddingFunction(BuiltInEmbeddingFunctions.ResNet18Identity, ResNet18EmbeddingGenerator.Dimensions, generator, new EmbeddingCache());
            var stopwatch = Stopwatch.StartNew();
            await function.EmbedAsync(inputs, vectors);
            var b = jpegs.Count / stopwatch.Elapsed.TotalSeconds;
            var skia = MillisecondsPerImage(jpegs, skiaDecode);
            var imageSharp = MillisecondsPerImage(jpegs, imageSharpDecode);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    round {round}: (a) {a,7:N1} images/s  (b) {b,7:N1} images/s  (c) SkiaSharp {skia,6:N2} ms/image, ImageSharp {imageSharp,6:N2} ms/image"));
            bestBare = Math.Max(bestBare, a);
            bestFunction = Math.Max(bestFunction, b);
            bestSkia = Math.Min(bestSkia, skia);
            bestImageSharp = Math.Min(bestImageSharp, imageSharp);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            best of {options.Rounds} rounds:
              (a) bare ONNX Runtime session, pre-decoded tensors        {bestBare,8:N1} images/s
              (b) resnet18 function from JPEG bytes (cold cache)        {bestFunction,8:N1} images/s  = {bestFunction / bestBare:P0} of (a)
              (c) decode + resize + tensor, one thread: SkiaSharp       {bestSkia,8:N2} ms/image
                                                        ImageSharp      {bestImageSharp,8:N2} ms/image  = {bestImageSharp / bestSkia:N1}× SkiaSharp
            """));
        return 0;
    }

    private static double MillisecondsPerImage(IReadOnlyList<byte[]> jpegs, Action<byte[], Span<float>, byte[]> decode)
    {
        var planar = new float[3 * Side * Side];
        var rgba = new byte[Side * Side * 4];
        var stopwatch = Stopwatch.StartNew();
        foreach (var jpeg in jpegs)
        {
            decode(jpeg, planar, rgba);
        }

        return stopwatch.Elapsed.TotalMilliseconds / jpegs.Count;
    }

    /// <summary>An <see cref="InferenceSession"/> with the library's settings (all optimizations, sequential, the same threads).</summary>
    private sealed class BareSession(string modelPath, ImageBenchmarkOptions options) : IDisposable
    {
        private readonly InferenceSession _session = new(modelPath, new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.Threads,
        });

        public double ImagesPerSecond(float[] tensors, int count)
        {
            var input = ImageModelManifest.ResNet18.Input;
            var output = ImageModelManifest.ResNet18.Output;
            var features = new float[options.BatchSize * ResNet18EmbeddingGenerator.Dimensions];
            using var runOptions = new RunOptions();
            var stopwatch = Stopwatch.StartNew();
            for (var start = 0; start < count; start += options.BatchSize)
            {
                var batch = Math.Min(options.BatchSize, count - start);
                using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensors.AsMemory(start * 3 * Side * Side, batch * 3 * Side * Side), [batch, 3, Side, Side]);
                using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features.AsMemory(0, batch * ResNet18EmbeddingGenerator.Dimensions), [batch, ResNet18EmbeddingGenerator.Dimensions, 1, 1]);
                _session.Run(runOptions, [input], [inputValue], [output], [outputValue]);
            }

            return count / stopwatch.Elapsed.TotalSeconds;
        }

        public void Dispose() => _session.Dispose();
    }
}
