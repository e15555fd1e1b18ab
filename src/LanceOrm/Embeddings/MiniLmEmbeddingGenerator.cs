using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LanceOrm.Embeddings;

/// <summary>
/// sentence-transformers/all-MiniLM-L6-v2 on ONNX Runtime, as a Microsoft.Extensions.AI embedding generator:
/// BERT word pieces (lower-cased, accents stripped, at most 256 with [CLS]/[SEP]), <c>last_hidden_state</c>,
/// attention-masked mean pooling, L2 normalisation — the vectors LanceDB's Python <c>sentence-transformers</c> function
/// writes. The model is found (or downloaded) on first use, see <see cref="ModelResolver"/>. Thread-safe: one
/// <c>InferenceSession</c> serves all callers.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, IEmbeddingWriter
{
    private readonly MiniLmOptions _options;
    private readonly ModelResolver _resolver;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile MiniLmEngine? _engine;
    private bool _disposed;

    /// <summary>Creates a generator; nothing is loaded until the first call (or <see cref="InitializeAsync"/>).</summary>
    public MiniLmEmbeddingGenerator(MiniLmOptions? options = null)
        : this(options ?? new MiniLmOptions(), resolver: null)
    {
    }

    /// <summary>Creates a generator from DI options.</summary>
    public MiniLmEmbeddingGenerator(IOptions<MiniLmOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), resolver: null)
    {
    }

    internal MiniLmEmbeddingGenerator(MiniLmOptions options, ModelResolver? resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _resolver = resolver ?? new ModelResolver(options);
        Metadata = new EmbeddingGeneratorMetadata("LanceOrm.Onnx", null, options.Manifest.Repository, BuiltInEmbeddingFunctions.MiniLmDimensions);
    }

    /// <inheritdoc />
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Texts embedded, truncations, batches and padding.</summary>
    public MiniLmStatistics Statistics { get; } = new();

    /// <summary>The model in use, once loaded; otherwise <see langword="null"/>.</summary>
    internal ModelFiles? Model => _engine?.Files;

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
    public void Dispose()
    {
        _disposed = true;
        _engine?.Dispose();
        _loadGate.Dispose();
    }

    private async ValueTask<MiniLmEngine> LoadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_engine is { } loaded)
        {
            return loaded;
        }

        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_engine is null)
            {
                var files = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
                _engine = new MiniLmEngine(files, _options, _options.Manifest.Name);
            }

            return _engine;
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
