using System.Buffers;
using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>
/// A named image embedding function of the registry (built in: <c>resnet18</c>): a generator of
/// <see cref="DataContent"/> images, its dimension and its identity. Images go through an <see cref="EmbeddingCache"/>
/// keyed by the SHA-256 of their encoded bytes, so an unchanged image is never computed twice.
/// </summary>
public sealed class ImageEmbeddingFunction
{
    /// <summary>The default of <see cref="MaxBatchSize"/>: images per generator call.</summary>
    public const int DefaultMaxBatchSize = 64;

    private readonly string _cacheScope;
    private readonly int _maxBatchSize;

    /// <summary>Creates a function that uses <paramref name="cache"/> (a private in-memory cache when null).</summary>
    /// <param name="identity">The identity (cache keys, table metadata).</param>
    /// <param name="dimensions">The vector dimension.</param>
    /// <param name="generator">The generator; it receives each image as <see cref="DataContent"/> (its bytes and media type).</param>
    /// <param name="cache">The cache, typically the registry's.</param>
    public ImageEmbeddingFunction(EmbeddingFunctionIdentity identity, int dimensions, IEmbeddingGenerator<DataContent, Embedding<float>> generator, EmbeddingCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Identity = identity;
        Dimensions = dimensions;
        Generator = generator;
        Cache = cache ?? new EmbeddingCache();
        _maxBatchSize = generator is IImageEmbeddingWriter ? int.MaxValue : DefaultMaxBatchSize;
        _cacheScope = EmbeddingCacheKey.ScopeOf(identity);
    }

    /// <summary>The registry name.</summary>
    public string Name => Identity.Name;

    /// <summary>The identity (cache keys, table metadata).</summary>
    public EmbeddingFunctionIdentity Identity { get; }

    /// <summary>The vector dimension.</summary>
    public int Dimensions { get; }

    /// <summary>The underlying generator.</summary>
    public IEmbeddingGenerator<DataContent, Embedding<float>> Generator { get; }

    /// <summary>The cache <see cref="EmbedAsync"/> reads and fills.</summary>
    public EmbeddingCache Cache { get; }

    /// <summary>
    /// The most images handed to the generator in one call. Default <see cref="DefaultMaxBatchSize"/>; for the built-in
    /// models, no limit (they cut their own inference batches, see <see cref="OnnxModelOptions.MaxBatchSize"/>).
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
    /// Embeds <paramref name="images"/> into <paramref name="destination"/> (row-major, <c>images.Count * Dimensions</c>
    /// floats). Cached images are copied, the others are computed (each distinct image once) and cached.
    /// </summary>
    /// <exception cref="InvalidImageException">An image cannot be read or decoded (its <see cref="InvalidImageException.Index"/> says which); nothing is cached.</exception>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public async Task EmbedAsync(IReadOnlyList<ImageInput> images, Memory<float> destination, CancellationToken cancellationToken = default) =>
        await EmbedForTableAsync(images, destination, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <see cref="EmbedAsync"/> inside a <c>lanceorm.embed</c> span, recording rows and duration; <paramref name="table"/>
    /// tags both when known. A failure of a generator other than a bad image is raised as
    /// <see cref="EmbeddingFailedException"/>, a vector of another dimension as <see cref="EmbeddingDimensionMismatchException"/>.
    /// </summary>
    internal async Task<EmbeddingCounts> EmbedForTableAsync(IReadOnlyList<ImageInput> images, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (destination.Length < images.Count * Dimensions)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; {images.Count} images need {images.Count * Dimensions}.", nameof(destination));
        }

        return await EmbedTrace.RunAsync(Name, images.Count, table, (Function: this, Images: images, Destination: destination, Table: table, Token: cancellationToken),
            static call => call.Function.EmbedCoreAsync(call.Images, call.Destination, call.Table, call.Token)).ConfigureAwait(false);
    }

    private async Task<EmbeddingCounts> EmbedCoreAsync(IReadOnlyList<ImageInput> images, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        var vectors = new CachedVectors(Cache, Dimensions);
        var missing = new List<ReadOnlyMemory<byte>>();
        var missingIndex = new List<int>();
        for (var i = 0; i < images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await ReadAsync(images[i], i, cancellationToken).ConfigureAwait(false);
            if (await vectors.LookUpAsync(EmbeddingCacheKey.CreateForBytes(_cacheScope, bytes.Span), i, destination, Name, cancellationToken).ConfigureAwait(false))
            {
                missing.Add(bytes);
                missingIndex.Add(i);
            }
        }

        if (missing.Count == 0)
        {
            return new EmbeddingCounts(0, vectors.Cached, 0);
        }

        var buffer = ArrayPool<float>.Shared.Rent(missing.Count * Dimensions);
        try
        {
            var computed = buffer.AsMemory(0, missing.Count * Dimensions);
            await ComputeInBatchesAsync(missing, missingIndex, computed, table, cancellationToken).ConfigureAwait(false);
            await vectors.StoreAsync(computed, destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        return new EmbeddingCounts(images.Count - vectors.Cached, vectors.Cached, 0);
    }

    /// <summary>
    /// Computes the vectors of <paramref name="missing"/> in chunks of <see cref="MaxBatchSize"/>; a bad image is reported at
    /// its position in the caller's list (<paramref name="missingIndex"/>), another failure of the generator as
    /// <see cref="EmbeddingFailedException"/>.
    /// </summary>
    private async Task ComputeInBatchesAsync(List<ReadOnlyMemory<byte>> missing, List<int> missingIndex, Memory<float> computed, string? table, CancellationToken cancellationToken)
    {
        for (var start = 0; start < missing.Count; start += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, missing.Count - start);
            var chunk = start == 0 && count == missing.Count ? missing : missing.GetRange(start, count);
            try
            {
                await ComputeAsync(chunk, computed.Slice(start * Dimensions, count * Dimensions), table, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidImageException invalid)
            {
                // Report the image's position in the caller's list, not in the chunk of images to compute.
                var index = missingIndex[start + invalid.Index];
                throw new InvalidImageException($"Image {index} of the call cannot be embedded by '{Name}': {invalid.Problem}.", index, invalid.InnerException)
                {
                    Problem = invalid.Problem,
                };
            }
            catch (Exception ex) when (ex is not (EmbeddingFailedException or EmbeddingDimensionMismatchException or ModelNotFoundException or ModelIntegrityException)
                                       && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new EmbeddingFailedException(Name, table, ex);
            }
        }
    }

    private static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(ImageInput image, int index, CancellationToken cancellationToken)
    {
        try
        {
            return await image.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = $"it cannot be read from '{image.FilePath}': {ex.Message}";
            throw new InvalidImageException($"Image {index} of the call {problem}", index, ex) { Problem = problem };
        }
    }

    private async Task ComputeAsync(List<ReadOnlyMemory<byte>> images, Memory<float> destination, string? table, CancellationToken cancellationToken)
    {
        if (Generator is IImageEmbeddingWriter writer)
        {
            await writer.EmbedIntoAsync(images, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        var contents = images.Select(bytes => new DataContent(bytes, ImageMediaType.Sniff(bytes.Span))).ToArray();
        var embeddings = await Generator.GenerateAsync(contents, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != images.Count)
        {
            throw new InvalidOperationException($"The generator returned {embeddings.Count} embeddings for {images.Count} images.");
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
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Identity.Model}, {Dimensions} dimensions, images)";
}
