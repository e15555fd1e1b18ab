using LanceOrm.Embeddings;
using LanceOrm.Mapping;

namespace LanceOrm;

/// <summary>Fills the embedding vector columns of a batch: rows that carry a vector keep it, the others are embedded.</summary>
internal static class RowEmbedder
{
    public static async Task<(IReadOnlyList<ReadOnlyMemory<float>> Vectors, int RowsEmbedded)> EmbedAsync<T>(
        ILanceEntityMap<T> map, EmbeddingRegistry registry, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var vectors = new ReadOnlyMemory<float>[map.Embeddings.Count];
        var embeddedRows = new HashSet<int>();
        for (var b = 0; b < map.Embeddings.Count; b++)
        {
            var binding = map.Embeddings[b];
            var dims = binding.Dimensions;
            var buffer = new float[rows.Count * dims];
            var missing = new List<int>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (binding.GetVector?.Invoke(rows[i]) is { Length: > 0 } existing)
                {
                    if (existing.Length != dims)
                    {
                        throw new ArgumentException($"Row with key '{map.GetKey(rows[i])}' carries a {existing.Length}-dimension vector for column '{binding.VectorColumn}'; {dims} are required.", nameof(rows));
                    }

                    existing.Span.CopyTo(buffer.AsSpan(i * dims, dims));
                }
                else
                {
                    missing.Add(i);
                }
            }

            if (missing.Count > 0)
            {
                var function = Resolve(registry, binding);
                var texts = missing.Select(i => binding.GetSourceText(rows[i]) ?? "").ToArray();
                var computed = new float[missing.Count * dims];
                await function.EmbedForTableAsync(texts, computed, map.TableName, cancellationToken).ConfigureAwait(false);
                for (var j = 0; j < missing.Count; j++)
                {
                    computed.AsSpan(j * dims, dims).CopyTo(buffer.AsSpan(missing[j] * dims, dims));
                    embeddedRows.Add(missing[j]);
                }
            }

            vectors[b] = buffer;
        }

        return (vectors, embeddedRows.Count);
    }

    public static async Task<float[]> EmbedQueryAsync<T>(EmbeddingRegistry registry, EmbeddingBinding<T> binding, string text, CancellationToken cancellationToken, string? table = null)
    {
        var function = Resolve(registry, binding);
        var vector = new float[function.Dimensions];
        await function.EmbedForTableAsync([text], vector, table, cancellationToken).ConfigureAwait(false);
        return vector;
    }

    private static EmbeddingFunction Resolve<T>(EmbeddingRegistry registry, EmbeddingBinding<T> binding)
    {
        if (!registry.TryGet(binding.FunctionName, out var function))
        {
            throw new InvalidOperationException(
                $"Property '{binding.SourcePropertyName}' is embedded with function '{binding.FunctionName}', which is not registered in LanceDbOptions.EmbeddingRegistry. Registered: {string.Join(", ", registry.Names.Order())}.");
        }

        if (function.Dimensions != binding.Dimensions)
        {
            throw new InvalidOperationException(
                $"Embedding function '{binding.FunctionName}' produces {function.Dimensions} dimensions; column '{binding.VectorColumn}' is declared with {binding.Dimensions}.");
        }

        return function;
    }
}
