using System.Buffers;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;

namespace LanceOrm.Writing;

/// <summary>
/// Fills the embedding vector columns of a batch: rows that carry a vector keep it, the others are embedded — and so are
/// rows whose vector was read from the table for a text that has changed since (<see cref="EmbeddingBinding{T}.CurrentVector"/>).
/// </summary>
internal static class RowEmbedder
{
    /// <summary>
    /// The vectors of every embedding of a batch, in pooled buffers (return them with <see cref="EmbeddedVectors.Dispose"/>
    /// once the record batch is built: the generated mapper copies them into Arrow buffers).
    /// Texts go through <see cref="EmbeddingFunction.EmbedAsync"/>, so cached texts are looked up before any inference.
    /// The rows were checked by <see cref="RowValidator{T}.CheckRow"/> (a carried vector has the column's dimension).
    /// The vectors of <paramref name="recompute"/> (a re-embed) are computed for every row, whatever the rows carry.
    /// </summary>
    public static async Task<EmbeddedVectors> EmbedAsync<T>(
        ILanceEntityMap<T> map, EmbeddingRegistry registry, IReadOnlyList<T> rows, EmbeddingBinding<T>? recompute, CancellationToken cancellationToken)
    {
        var result = new EmbeddedVectors(map.Embeddings.Count);
        try
        {
            for (var b = 0; b < map.Embeddings.Count; b++)
            {
                var binding = map.Embeddings[b];
                var dims = binding.Dimensions;
                var buffer = result.Rent(b, rows.Count * dims);
                var missing = new List<int>();
                for (var i = 0; i < rows.Count; i++)
                {
                    if (binding != recompute && binding.CurrentVector(rows[i]) is { } existing)
                    {
                        existing.Span.CopyTo(buffer.AsSpan(i * dims, dims));
                    }
                    else
                    {
                        missing.Add(i);
                    }
                }

                if (missing.Count == 0)
                {
                    result.Count(rows.Count, default);
                    continue;
                }

                var function = registry.Resolve(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
                var texts = new string[missing.Count];
                for (var j = 0; j < texts.Length; j++)
                {
                    texts[j] = binding.GetSourceText(rows[missing[j]]) ?? "";
                }

                if (missing.Count == rows.Count)
                {
                    // The common case (no row carries a vector): embed straight into the column buffer.
                    result.Count(0, await function.EmbedForTableAsync(texts, buffer.AsMemory(0, rows.Count * dims), map.TableName, EmbeddingInputKind.Document, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    var computed = ArrayPool<float>.Shared.Rent(missing.Count * dims);
                    try
                    {
                        result.Count(rows.Count - missing.Count, await function.EmbedForTableAsync(texts, computed.AsMemory(0, missing.Count * dims), map.TableName, EmbeddingInputKind.Document, cancellationToken).ConfigureAwait(false));
                        for (var j = 0; j < missing.Count; j++)
                        {
                            computed.AsSpan(j * dims, dims).CopyTo(buffer.AsSpan(missing[j] * dims, dims));
                        }
                    }
                    finally
                    {
                        ArrayPool<float>.Shared.Return(computed);
                    }
                }
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }
}
