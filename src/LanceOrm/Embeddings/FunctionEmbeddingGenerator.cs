using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>An <see cref="EmbeddingFunction"/> seen as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (cached, registry-owned).</summary>
internal sealed class FunctionEmbeddingGenerator(EmbeddingFunction function) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new(
        "lanceorm",
        defaultModelId: function.Identity.Model,
        defaultModelDimensions: function.Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != function.Dimensions)
        {
            throw new NotSupportedException($"Embedding function '{function.Name}' produces {function.Dimensions} dimensions, not {dimensions}.");
        }

        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        var vectors = new float[texts.Count * function.Dimensions];
        await function.EmbedAsync(texts, vectors, cancellationToken).ConfigureAwait(false);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            result.Add(new Embedding<float>(vectors.AsMemory(i * function.Dimensions, function.Dimensions)) { ModelId = function.Identity.Model });
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingFunction) ? function
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    public override string ToString() => $"{function} as IEmbeddingGenerator";
}
