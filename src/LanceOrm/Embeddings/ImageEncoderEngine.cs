using System.Buffers;
using System.Numerics.Tensors;
using LanceOrm.Diagnostics;
using LanceOrm.Embeddings.Images;
using LanceOrm.Embeddings.Onnx;
using LanceOrm.Embeddings.Quantization;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings;

/// <summary>
/// A loaded image featurizer: the mean image of its preprocessing graph and one thread-safe
/// <see cref="OnnxModelSession"/> (CPU or CUDA, with the CPU as fallback) on the batched model. Images are cut into
/// batches of at most <see cref="OnnxModelOptions.MaxBatchSize"/>, decoded in parallel straight into a pooled
/// [batch, 3, 224, 224] tensor, run, and their pooled features L2-normalised into the caller's buffer.
/// </summary>
internal sealed class ImageEncoderEngine : IDisposable
{
    /// <summary>The model's input side in pixels.</summary>
    public const int Side = 224;

    private const string MeanImage = "MeanImage";

    private readonly OnnxModelSession _session;
    private readonly float[] _mean;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _maxBatchSize;
    private readonly string _modelName;

    private ImageEncoderEngine(ImageModelFiles files, float[] mean, ResNet18Options options, ILogger logger, IOnnxSessionFactory? sessionFactory)
    {
        Files = files;
        _mean = mean;
        _maxBatchSize = options.MaxBatchSize;
        _modelName = options.Manifest.Name;
        Dimensions = options.Manifest.Dimensions;
        _inputNames = [options.Manifest.Input];
        _outputNames = [options.Manifest.Output];
        _session = OnnxModelSession.Open(files.ModelPath, options.ExecutionProvider, options.FallbackToCpu, options.IntraOpThreads, _modelName, logger, sessionFactory);
        Log.Loaded(logger, _modelName, files.ModelPath, _session.Provider);
        if (!_session.InputMetadata.ContainsKey(options.Manifest.Input) || !_session.OutputMetadata.ContainsKey(options.Manifest.Output))
        {
            _session.Dispose();
            throw new InvalidDataException($"The model {files.ModelPath} lacks input '{options.Manifest.Input}' or output '{options.Manifest.Output}'; its inputs are: {string.Join(", ", _session.InputMetadata.Keys)}; its outputs: {string.Join(", ", _session.OutputMetadata.Keys)}.");
        }
    }

    public ImageModelFiles Files { get; }

    /// <summary>Where the model runs now: <c>CPU</c> or <c>CUDA:n</c>.</summary>
    public string Provider => _session.Provider;

    public int Dimensions { get; }

    /// <summary>Loads the model of <paramref name="files"/> and the mean image of its preprocessing graph.</summary>
    /// <exception cref="DllNotFoundException">Skia's native library is missing (the message names the package).</exception>
    public static async Task<ImageEncoderEngine> LoadAsync(ImageModelFiles files, ResNet18Options options, ILogger logger, IOnnxSessionFactory? sessionFactory, CancellationToken cancellationToken)
    {
        SkiaNativeLibrary.EnsureLoaded();
        var mean = await ReadMeanImageAsync(files.PreprocessingPath, cancellationToken).ConfigureAwait(false);
        return new ImageEncoderEngine(files, mean, options, logger, sessionFactory);
    }

    /// <summary>The <c>MeanImage</c> initializer ([1, 3, 224, 224], planes B, G, R) of the preprocessing graph.</summary>
    internal static async Task<float[]> ReadMeanImageAsync(string preprocessingPath, CancellationToken cancellationToken)
    {
        var graph = (await OnnxModelCodec.ReadAsync(preprocessingPath, cancellationToken).ConfigureAwait(false)).Graph;
        var tensor = graph.Initializer.FirstOrDefault(t => t.Name == MeanImage)
                     ?? throw new InvalidDataException($"The preprocessing graph '{preprocessingPath}' has no initializer '{MeanImage}'.");
        var mean = OnnxTensors.ReadFloats(tensor);
        return mean.Length == 3 * Side * Side ? mean
            : throw new InvalidDataException($"The '{MeanImage}' of '{preprocessingPath}' holds {mean.Length} values; {3 * Side * Side} were expected.");
    }

    /// <summary>Embeds the encoded <paramref name="images"/> into <paramref name="destination"/> (row-major, <see cref="Dimensions"/> per image).</summary>
    /// <exception cref="InvalidImageException">An image cannot be decoded (its index in <paramref name="images"/>).</exception>
    public void Embed(IReadOnlyList<ReadOnlyMemory<byte>> images, Span<float> destination, CancellationToken cancellationToken)
    {
        if (destination.Length < images.Count * Dimensions)
        {
            throw new InvalidOperationException($"The model produces {Dimensions}-dimensional vectors; the destination holds {destination.Length} floats for {images.Count} images.");
        }

        for (var start = 0; start < images.Count; start += _maxBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_maxBatchSize, images.Count - start);
            RunBatch(images, start, count, destination.Slice(start * Dimensions, count * Dimensions), cancellationToken);
        }

        LanceOrmTelemetry.RecordModelImages(_modelName, images.Count);
    }

    private void RunBatch(IReadOnlyList<ReadOnlyMemory<byte>> images, int start, int count, Span<float> destination, CancellationToken cancellationToken)
    {
        var cells = count * 3 * Side * Side;
        var input = ArrayPool<float>.Shared.Rent(cells);
        var output = ArrayPool<float>.Shared.Rent(count * Dimensions);
        try
        {
            ImageBatchDecoder.Decode(images, start, count, Side, _mean, input, cancellationToken);
            var memory = OrtMemoryInfo.DefaultInstance;
            using var inputValue = OrtValue.CreateTensorValueFromMemory(memory, input.AsMemory(0, cells), [count, 3, Side, Side]);
            using var outputValue = OrtValue.CreateTensorValueFromMemory(memory, output.AsMemory(0, count * Dimensions), [count, Dimensions, 1, 1]);
            Run([inputValue], [outputValue], cancellationToken);
            for (var i = 0; i < count; i++)
            {
                Normalize(output.AsSpan(i * Dimensions, Dimensions), destination.Slice(i * Dimensions, Dimensions));
            }

            LanceOrmTelemetry.RecordModelBatch(_modelName);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(output);
        }
    }

    private static void Normalize(ReadOnlySpan<float> features, Span<float> vector) =>
        TensorPrimitives.Divide(features, MathF.Max(TensorPrimitives.Norm(features), 1e-12f), vector);

    private void Run(OrtValue[] inputs, OrtValue[] outputs, CancellationToken cancellationToken) =>
        _session.Run(_inputNames, inputs, _outputNames, outputs, cancellationToken);

    public void Dispose() => _session.Dispose();
}
