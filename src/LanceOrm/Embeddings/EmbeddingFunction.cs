using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>A named embedding function of the registry: a generator, its dimension and its identity.</summary>
public sealed class EmbeddingFunction
{
    /// <summary>Creates a function.</summary>
    public EmbeddingFunction(EmbeddingFunctionIdentity identity, int dimensions, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Identity = identity;
        Dimensions = dimensions;
        Generator = generator;
    }

    /// <summary>The registry name.</summary>
    public string Name => Identity.Name;

    /// <summary>The identity (cache keys, table metadata).</summary>
    public EmbeddingFunctionIdentity Identity { get; }

    /// <summary>The vector dimension.</summary>
    public int Dimensions { get; }

    /// <summary>The underlying generator.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }

    /// <summary>
    /// Embeds <paramref name="texts"/> into <paramref name="destination"/> (row-major, <c>texts.Count * Dimensions</c> floats).
    /// </summary>
    public async Task EmbedAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (destination.Length < texts.Count * Dimensions)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; {texts.Count} texts need {texts.Count * Dimensions}.", nameof(destination));
        }

        var embeddings = await Generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector;
            if (vector.Length != Dimensions)
            {
                throw new InvalidOperationException($"Embedding function '{Name}' returned {vector.Length} dimensions; {Dimensions} were declared.");
            }

            vector.CopyTo(destination.Slice(i * Dimensions, Dimensions));
        }
    }
}
