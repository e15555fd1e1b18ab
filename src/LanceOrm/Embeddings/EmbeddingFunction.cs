using LanceOrm.Diagnostics;
using System.Buffers;
using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>
/// A named embedding function of the registry: a generator, its dimension, its identity and its prompts.
/// Documents (<see cref="EmbedAsync"/>) and search queries (<see cref="EmbedQueriesAsync"/>) are embedded apart, as
/// LanceDB's <c>compute_source_embeddings</c> / <c>compute_query_embeddings</c>: each kind gets its prefix from
/// <see cref="Prompts"/>. Both go through an <see cref="EmbeddingCache"/>, so unchanged text is never computed twice.
/// </summary>
public sealed class EmbeddingFunction
{
    /// <summary>The default of <see cref="MaxBatchSize"/>: texts per generator call (OpenAI's endpoint takes at most 2,048 inputs a request).</summary>
    public const int DefaultMaxBatchSize = 256;

    private readonly string _cacheScope;
    private readonly int _maxBatchSize;

    /// <summary>Creates a function with a private in-memory cache of default size.</summary>
    public EmbeddingFunction(EmbeddingFunctionIdentity identity, int dimensions, IEmbeddingGenerator<string, Embedding<float>> generator)
        : this(identity, dimensions, generator, new EmbeddingCache())
    {
    }

    /// <summary>Creates a function that uses <paramref name="cache"/> (typically shared by the whole registry).</summary>
    public EmbeddingFunction(EmbeddingFunctionIdentity identity, int dimensions, IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingCache cache)
        : this(identity, dimensions, generator, cache, EmbeddingPrompts.None)
    {
    }

    /// <summary>Creates a function that puts <paramref name="prompts"/> before queries and documents and uses <paramref name="cache"/>.</summary>
    public EmbeddingFunction(EmbeddingFunctionIdentity identity, int dimensions, IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingCache cache, EmbeddingPrompts prompts)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(prompts);
        Prompts = prompts;
        // The built-in models sort a call's texts by length and cut their own inference batches: chunking the call first
        // would only add padding. Other generators (remote endpoints) get chunks of DefaultMaxBatchSize.
        _maxBatchSize = generator is IEmbeddingWriter ? int.MaxValue : DefaultMaxBatchSize;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Identity = identity;
        Dimensions = dimensions;
        Generator = generator;
        Cache = cache;
        _cacheScope = EmbeddingCacheKey.ScopeOf(identity);
    }

    /// <summary>The registry name.</summary>
    public string Name => Identity.Name;

    /// <summary>The identity (cache keys, table metadata).</summary>
    public EmbeddingFunctionIdentity Identity { get; }

    /// <summary>The vector dimension.</summary>
    public int Dimensions { get; }

    /// <summary>The underlying generator.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }

    /// <summary>The cache <see cref="EmbedAsync"/> and <see cref="EmbedQueriesAsync"/> read and fill.</summary>
    public EmbeddingCache Cache { get; }

    /// <summary>The prefixes put before queries and documents (none by default; <c>arctic-xs</c> prefixes queries).</summary>
    public EmbeddingPrompts Prompts { get; }

    /// <summary>
    /// The most texts handed to the generator in one call (one request of a remote endpoint): the texts a call must
    /// compute are sent in order, in chunks of at most this many. Default <see cref="DefaultMaxBatchSize"/>; for the
    /// built-in ONNX models, no limit (they cut their own inference batches, see <see cref="OnnxModelOptions.MaxBatchSize"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxBatchSize
    {
        get => _maxBatchSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxBatchSize = value;
        }
    }

    /// <summary>
    /// This function as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that goes through its cache (for
    /// Microsoft.Extensions.VectorData and any other consumer of the abstraction). Its
    /// <see cref="IEmbeddingGenerator.GetService"/> answers <see cref="EmbeddingFunction"/> with this function, so a
    /// LanceDB table written through it can carry the <c>embedding_functions</c> metadata the official clients read.
    /// Disposing it leaves the function (and the registry that owns it) alone.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>> AsEmbeddingGenerator() => new FunctionEmbeddingGenerator(this);

    /// <summary>
    /// Embeds <paramref name="texts"/> as <b>documents</b> (the texts stored with their vectors) into
    /// <paramref name="destination"/> (row-major, <c>texts.Count * Dimensions</c> floats), each after the document prefix
    /// of <see cref="Prompts"/>, if any. Cached texts are copied, the others are computed in one call to the generator
    /// (each distinct text once) and cached.
    /// </summary>
    /// <exception cref="ArgumentException">An item is null (the message names its index), or the destination is too small.</exception>
    public Task EmbedAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default) =>
        EmbedForTableAsync(texts, destination, null, EmbeddingInputKind.Document, cancellationToken);

    /// <summary>
    /// Embeds <paramref name="texts"/> as <b>search queries</b>, each after the query prefix of <see cref="Prompts"/>
    /// (for example arctic-embed's instruction), through the same cache; otherwise as <see cref="EmbedAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An item is null (the message names its index), or the destination is too small.</exception>
    public Task EmbedQueriesAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default) =>
        EmbedForTableAsync(texts, destination, null, EmbeddingInputKind.Query, cancellationToken);

    /// <summary>
    /// <see cref="EmbedAsync"/> or <see cref="EmbedQueriesAsync"/> (by <paramref name="kind"/>) inside a
    /// <c>lanceorm.embed</c> span, recording rows and duration (<see cref="LanceOrmTelemetry"/>); <paramref name="table"/>
    /// tags both when known. Returns how many vectors were computed, taken from the cache, and how many computed texts
    /// were truncated. A failure of the generator is raised as <see cref="EmbeddingFailedException"/> (naming this
    /// function and the table), a vector of another dimension as <see cref="EmbeddingDimensionMismatchException"/>;
    /// nothing of that call is cached.
    /// </summary>
    internal async Task<EmbeddingCounts> EmbedForTableAsync(IReadOnlyList<string> texts, Memory<float> destination, string? table, EmbeddingInputKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        TextInput.ThrowIfAnyNull(texts, nameof(texts));
        texts = Prompted(texts, kind == EmbeddingInputKind.Query ? Prompts.Query : Prompts.Document);
        return await EmbedTrace.RunAsync(Name, texts.Count, table, (Function: this, Texts: texts, Destination: destination, Table: table, Token: cancellationToken),
            static call => call.Function.EmbedCoreAsync(call.Texts, call.Destination, call.Table, call.Token)).ConfigureAwait(false);
    }

    private async Task<EmbeddingCounts> EmbedCoreAsync(IReadOnlyList<string> texts, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        if (destination.Length < texts.Count * Dimensions)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; {texts.Count} texts need {texts.Count * Dimensions}.", nameof(destination));
        }

        var vectors = new CachedVectors(Cache, Dimensions);
        var missingTexts = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await vectors.LookUpAsync(EmbeddingCacheKey.Create(_cacheScope, texts[i]), i, destination, Name, cancellationToken).ConfigureAwait(false))
            {
                missingTexts.Add(texts[i]);
            }
        }

        if (missingTexts.Count == 0)
        {
            return new EmbeddingCounts(0, vectors.Cached, 0);
        }

        int truncated;
        var buffer = ArrayPool<float>.Shared.Rent(missingTexts.Count * Dimensions);
        try
        {
            var computed = buffer.AsMemory(0, missingTexts.Count * Dimensions);
            truncated = await ComputeInBatchesAsync(missingTexts, computed, table, cancellationToken).ConfigureAwait(false);
            await vectors.StoreAsync(computed, destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        return new EmbeddingCounts(texts.Count - vectors.Cached, vectors.Cached, truncated);
    }

    private static IReadOnlyList<string> Prompted(IReadOnlyList<string> texts, string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return texts;
        }

        var prompted = new string[texts.Count];
        for (var i = 0; i < prompted.Length; i++)
        {
            prompted[i] = prefix + texts[i];
        }

        return prompted;
    }

    /// <summary>
    /// Computes the vectors of <paramref name="texts"/> in chunks of <see cref="MaxBatchSize"/>; returns how many texts the
    /// model truncated. Wraps a generator's failure as <see cref="EmbeddingFailedException"/>.
    /// </summary>
    private async Task<int> ComputeInBatchesAsync(List<string> texts, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        var truncated = 0;
        for (var start = 0; start < texts.Count; start += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, texts.Count - start);
            var chunk = start == 0 && count == texts.Count ? texts : texts.GetRange(start, count);
            try
            {
                truncated += await ComputeAsync(chunk, destination.Slice(start * Dimensions, count * Dimensions), table, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsGeneratorFailure(ex, cancellationToken))
            {
                throw new EmbeddingFailedException(Name, table, ex);
            }
        }

        return truncated;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is a failure of the generator to wrap as <see cref="EmbeddingFailedException"/>:
    /// not the caller's cancellation, not an error already typed by this library (a built-in model that cannot be found or
    /// verified keeps its own exception, whose message says where it looked and how to fix it).
    /// </summary>
    private static bool IsGeneratorFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not (EmbeddingFailedException or ModelNotFoundException or ModelIntegrityException)
        && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>Computes the vectors of <paramref name="texts"/> in one generator call; returns how many texts the model truncated (known for the built-in models only).</summary>
    private async Task<int> ComputeAsync(List<string> texts, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        if (Generator is IEmbeddingWriter writer)
        {
            return await writer.EmbedIntoAsync(texts, destination, cancellationToken).ConfigureAwait(false);
        }

        var embeddings = await Generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != texts.Count)
        {
            throw new InvalidOperationException($"The generator returned {embeddings.Count} embeddings for {texts.Count} texts.");
        }

        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector;
            if (vector.Length != Dimensions)
            {
                throw new EmbeddingDimensionMismatchException(Name, table, Dimensions, vector.Length);
            }

            vector.CopyTo(destination.Slice(i * Dimensions, Dimensions));
        }

        return 0;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Identity.Model}, {Dimensions} dimensions)";
}
