using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Querying;

/// <summary>What a query runs against, handed to it explicitly by its repository: the table client, the mapping, the filter translator and the embedding functions.</summary>
internal sealed record QuerySource<T>(RemoteTable Table, ILanceEntityMap<T> Map, FilterTranslator<T> Translator, EmbeddingRegistry Embeddings)
{
    private readonly FullTextIndexGuard _fullTextIndices = new();

    /// <summary>
    /// The entities of a result batch (every entity of a query is materialised here), with the text each carried
    /// vector was computed from recorded, so that writing an entity whose text changed computes its vector again.
    /// </summary>
    public IReadOnlyList<T> Read(Apache.Arrow.RecordBatch batch)
    {
        var entities = Map.ReadBatch(batch);
        foreach (var binding in Map.Embeddings)
        {
            // Only a batch holding the text column says which text a vector belongs to (a projection may fetch the vector alone).
            if (batch.Schema.GetFieldIndex(binding.SourceColumn, StringComparer.Ordinal) >= 0)
            {
                binding.RecordRead(entities);
            }
        }

        return entities;
    }

    /// <summary>Throws <see cref="IndexNotFoundException"/> when a searched column (any, when none is named) has no full-text index.</summary>
    public Task EnsureFullTextIndexAsync(IReadOnlyList<string> columns, bool hybrid, CancellationToken cancellationToken) =>
        _fullTextIndices.EnsureAsync(Table, Map, columns, hybrid, cancellationToken);

    /// <summary>Embeds a search query with the function of <paramref name="binding"/> (its query prompt applies).</summary>
    public Task<float[]> EmbedQueryAsync(EmbeddingBinding<T> binding, string text, CancellationToken cancellationToken) =>
        EmbedAsync(binding, text, EmbeddingInputKind.Query, cancellationToken);

    /// <summary>Embeds a row's text (a document, for an update) with the function of <paramref name="binding"/>.</summary>
    public Task<float[]> EmbedDocumentAsync(EmbeddingBinding<T> binding, string text, CancellationToken cancellationToken) =>
        EmbedAsync(binding, text, EmbeddingInputKind.Document, cancellationToken);

    /// <summary>Embeds an example image with the image function of <paramref name="binding"/>.</summary>
    public Task<float[]> EmbedQueryImageAsync(EmbeddingBinding<T> binding, ImageInput image, CancellationToken cancellationToken) =>
        EmbedImageAsync(binding, image, "the example image", cancellationToken);

    /// <summary>Embeds a row's new image (an update) with the image function of <paramref name="binding"/>.</summary>
    public Task<float[]> EmbedDocumentImageAsync(EmbeddingBinding<T> binding, ImageInput image, CancellationToken cancellationToken) =>
        EmbedImageAsync(binding, image, "the new image", cancellationToken);

    private async Task<float[]> EmbedImageAsync(EmbeddingBinding<T> binding, ImageInput image, string what, CancellationToken cancellationToken)
    {
        var function = Embeddings.ResolveImage(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
        var vector = new float[function.Dimensions];
        try
        {
            await function.EmbedForTableAsync([image], vector, Table.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidImageException invalid)
        {
            throw new InvalidImageException(
                $"Table '{Table.Name}': {what} for property '{binding.SourcePropertyName}' cannot be embedded by '{binding.FunctionName}': {invalid.Problem}.",
                0,
                invalid)
            {
                Table = Table.Name,
                Property = binding.SourcePropertyName,
                Problem = invalid.Problem,
            };
        }

        return vector;
    }

    private async Task<float[]> EmbedAsync(EmbeddingBinding<T> binding, string text, EmbeddingInputKind kind, CancellationToken cancellationToken)
    {
        var function = Embeddings.Resolve(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
        var vector = new float[function.Dimensions];
        await function.EmbedForTableAsync([text], vector, Table.Name, kind, cancellationToken).ConfigureAwait(false);
        return vector;
    }
}
