using LanceOrm.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LanceOrm.Embeddings;

/// <summary>
/// The built-in image embedding model <c>resnet18</c> (512 dimensions): the ImageNet ResNet-18 of the NuGet package
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1 on ONNX Runtime, as a Microsoft.Extensions.AI embedding
/// generator of images. Each image (JPEG, PNG, GIF's first frame, BMP, WebP, ICO, WBMP) is decoded, turned upright (EXIF
/// orientation), composited over white, its shorter side scaled to 224 pixels and its centre cropped, preprocessed as
/// the package's own graph does (BGR minus the ImageNet mean image); the model's pooled features
/// (<c>Pooling395_Output_0</c>) are L2-normalised. The model is found on first use (see <see cref="ResNet18Options"/>)
/// and runs on the CPU or CUDA with the CPU as fallback. Thread-safe: one session serves all callers.
/// </summary>
public sealed class ResNet18EmbeddingGenerator : IEmbeddingGenerator<DataContent, Embedding<float>>, IImageEmbeddingWriter, IDisposable
{
    /// <summary>The vector dimension: 512.</summary>
    public const int Dimensions = 512;

    private readonly ResNet18Options _options;
    private readonly ImageModelResolver _resolver;
    private readonly ILogger _logger;
    private readonly IOnnxSessionFactory? _sessionFactory;
    private readonly LazyEngine<ImageEncoderEngine> _engine;

    /// <summary>Creates a generator; nothing is loaded until the first call (or <see cref="InitializeAsync"/>).</summary>
    /// <exception cref="ArgumentException">The options are invalid (for example <see cref="ModelPrecision.Int8"/>).</exception>
    public ResNet18EmbeddingGenerator(ResNet18Options? options = null, ILoggerFactory? loggerFactory = null)
        : this(options ?? new ResNet18Options(), loggerFactory, resolver: null, sessionFactory: null)
    {
    }

    internal ResNet18EmbeddingGenerator(ResNet18Options options, ILoggerFactory? loggerFactory, ImageModelResolver? resolver, IOnnxSessionFactory? sessionFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _resolver = resolver ?? new ImageModelResolver(options);
        _logger = (ILogger?)loggerFactory?.CreateLogger(typeof(ResNet18EmbeddingGenerator).FullName!) ?? NullLogger.Instance;
        _sessionFactory = sessionFactory;
        _engine = new(CreateEngineAsync, this);
        Metadata = new EmbeddingGeneratorMetadata("LanceOrm.Onnx", null, BuiltInEmbeddingFunctions.ResNet18ModelId, Dimensions);
    }

    /// <inheritdoc />
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Where the model runs, once loaded (<c>CPU</c> or <c>CUDA:n</c>; the CPU after a fallback); otherwise <see langword="null"/>.</summary>
    public string? ExecutionProvider => _engine.Loaded?.Provider;

    /// <summary>The model in use, once loaded; otherwise <see langword="null"/>.</summary>
    internal ImageModelFiles? Model => _engine.Loaded?.Files;

    /// <summary>Resolves and loads the model now; returns the vector dimension.</summary>
    /// <exception cref="ModelNotFoundException">The model files are nowhere (the message gives the <c>PackageDownload</c> line).</exception>
    /// <exception cref="ModelIntegrityException">A model file is not the known one.</exception>
    public async Task<int> InitializeAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).Dimensions;

    /// <inheritdoc />
    /// <exception cref="InvalidImageException">An image cannot be decoded; its index is its position in <paramref name="values"/>.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<DataContent> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var images = values.Select((content, i) => content?.Data ?? throw new ArgumentException($"Image {i} of the call is null.", nameof(values))).ToArray();
        var engine = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var vectors = new float[images.Length * Dimensions];
        engine.Embed(images, vectors, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(images.Length);
        for (var i = 0; i < images.Length; i++)
        {
            result.Add(new Embedding<float>(vectors.AsMemory(i * Dimensions, Dimensions)) { CreatedAt = created, ModelId = Metadata.DefaultModelId });
        }

        return result;
    }

    async Task IImageEmbeddingWriter.EmbedIntoAsync(IReadOnlyList<ReadOnlyMemory<byte>> images, Memory<float> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        var engine = await LoadAsync(cancellationToken).ConfigureAwait(false);
        engine.Embed(images, destination.Span, cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ResNet18EmbeddingGenerator)} ({BuiltInEmbeddingFunctions.ResNet18ModelId}, {ExecutionProvider ?? "not loaded"})";

    /// <inheritdoc />
    public void Dispose()
    {
        _engine.Dispose();
    }

    private ValueTask<ImageEncoderEngine> LoadAsync(CancellationToken cancellationToken) => _engine.GetAsync(cancellationToken);

    private async ValueTask<ImageEncoderEngine> CreateEngineAsync(CancellationToken cancellationToken)
    {
        var files = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return await ImageEncoderEngine.LoadAsync(files, _options, _logger, _sessionFactory, cancellationToken).ConfigureAwait(false);
    }
}
