using LanceOrm.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LanceOrm.Embeddings;

/// <summary>
/// A built-in BERT-style sentence encoder on ONNX Runtime, as a Microsoft.Extensions.AI embedding generator: BERT word
/// pieces (lower-cased, accents stripped, [CLS]/[SEP], at most <see cref="TextModelOptions.MaxTokens"/>),
/// <c>last_hidden_state</c>, the model's pooling and L2 normalisation. The model is found on first use (see
/// <see cref="TextModelOptions"/>), in fp32 or int8, and runs on the CPU or CUDA with the CPU as fallback. Thread-safe:
/// one session serves all callers. The texts are embedded as given: query prefixes are the business of
/// <see cref="EmbeddingFunction.EmbedQueriesAsync"/>.
/// </summary>
public abstract class OnnxTextEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, IEmbeddingWriter
{
    private readonly TextModelOptions _options;
    private readonly ModelResolver _resolver;
    private readonly ILogger _logger;
    private readonly IOnnxSessionFactory? _sessionFactory;
    private readonly LazyEngine<TextEncoderEngine> _engine;

    private protected OnnxTextEmbeddingGenerator(TextModelOptions options, int dimensions, ILoggerFactory? loggerFactory, ModelResolver? resolver, IOnnxSessionFactory? sessionFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _resolver = resolver ?? new ModelResolver(options);
        _logger = (ILogger?)loggerFactory?.CreateLogger(GetType().FullName!) ?? NullLogger.Instance;
        _sessionFactory = sessionFactory;
        _engine = new(CreateEngineAsync, this);
        Metadata = new EmbeddingGeneratorMetadata("LanceOrm.Onnx", null, options.Manifest.Repository, dimensions);
    }

    /// <inheritdoc />
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Texts embedded, truncations, batches and padding.</summary>
    public TextModelStatistics Statistics { get; } = new();

    /// <summary>The model in use, once loaded; otherwise <see langword="null"/>.</summary>
    internal ModelFiles? Model => _engine.Loaded?.Files;

    /// <summary>Where the model runs, once loaded (<c>CPU</c> or <c>CUDA:n</c>; the CPU after a fallback); otherwise <see langword="null"/>.</summary>
    public string? ExecutionProvider => _engine.Loaded?.Provider;

    /// <summary>The precision the model runs in.</summary>
    public ModelPrecision Precision => _options.Precision;

    /// <summary>Resolves and loads the model now; returns the vector dimension.</summary>
    public async Task<int> InitializeAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).Dimensions;

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        TextInput.ThrowIfAnyNull(texts, nameof(values));
        var engine = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var dimensions = engine.Dimensions;
        var vectors = new float[texts.Count * dimensions];
        var (tokens, _) = engine.Embed(texts, vectors, Statistics, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count)
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };
        for (var i = 0; i < texts.Count; i++)
        {
            result.Add(new Embedding<float>(vectors.AsMemory(i * dimensions, dimensions)) { CreatedAt = created, ModelId = Metadata.DefaultModelId });
        }

        return result;
    }

    async Task<int> IEmbeddingWriter.EmbedIntoAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken)
    {
        TextInput.ThrowIfAnyNull(texts, nameof(texts));
        var engine = await LoadAsync(cancellationToken).ConfigureAwait(false);
        return engine.Embed(texts, destination.Span, Statistics, cancellationToken).Truncated;
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
    public override string ToString() => $"{GetType().Name} ({_options.Manifest.Repository}, {_options.Precision}, {ExecutionProvider ?? "not loaded"})";

    /// <inheritdoc />
    public void Dispose()
    {
        _engine.Dispose();
    }

    private ValueTask<TextEncoderEngine> LoadAsync(CancellationToken cancellationToken) => _engine.GetAsync(cancellationToken);

    private async ValueTask<TextEncoderEngine> CreateEngineAsync(CancellationToken cancellationToken)
    {
        var files = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return new TextEncoderEngine(files, _options, _logger, _sessionFactory);
    }
}
