using System.Buffers;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;

namespace LanceOrm.Writing;

/// <summary>
/// Fills the embedding vector columns of a batch: rows that carry a vector keep it, the others are embedded — and so are
/// rows whose vector was read from the table for a text (or image) that has changed since (<see cref="EmbeddingBinding{T}.CurrentVector"/>).
/// </summary>
internal static class RowEmbedder
{
    /// <summary>
    /// The vectors of every embedding of a batch, in pooled buffers (return them with <see cref="EmbeddedVectors.Dispose"/>
    /// once the record batch is built: the generated mapper copies them into Arrow buffers).
    /// Texts go through <see cref="EmbeddingFunction.EmbedAsync"/> and images through <see cref="ImageEmbeddingFunction.EmbedAsync"/>,
    /// so cached inputs are looked up before any inference; image vectors computed <paramref name="upfront"/> are copied.
    /// The rows were checked by <see cref="RowValidator{T}.CheckRow"/> (a carried vector has the column's dimension).
    /// The vectors of <paramref name="recompute"/> (a re-embed) are computed for every row, whatever the rows carry.
    /// <paramref name="offset"/> is the source position of the batch's first row (for error messages and <paramref name="upfront"/>).
    /// </summary>
    public static async Task<EmbeddedVectors> EmbedAsync<T>(
        ILanceEntityMap<T> map, EmbeddingRegistry registry, IReadOnlyList<T> rows, EmbeddingBinding<T>? recompute, long offset, UpfrontImageVectors<T>? upfront, CancellationToken cancellationToken)
    {
        var result = new EmbeddedVectors(map.Embeddings.Count);
        try
        {
            for (var b = 0; b < map.Embeddings.Count; b++)
            {
                var binding = map.Embeddings[b];
                var buffer = result.Rent(b, rows.Count * binding.Dimensions);
                if (binding.Modality == EmbeddingModality.Image)
                {
                    if (upfront is not null && upfront.TryGet(binding, offset, rows.Count, out var computed, out var supplied))
                    {
                        computed.Span.CopyTo(buffer);
                        result.Count(supplied, new EmbeddingCounts(rows.Count - supplied, 0, 0));
                    }
                    else
                    {
                        var (carried, counts) = await EmbedImagesAsync(map, registry, binding, rows, offset, binding == recompute, buffer, cancellationToken).ConfigureAwait(false);
                        result.Count(carried, counts);
                    }
                }
                else
                {
                    await EmbedTextsAsync(map, registry, binding, rows, recompute, buffer, result, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Resolves the function of every binding, so a missing one is a configuration error raised before anything is sent.</summary>
    public static void ResolveAll<T>(IEnumerable<EmbeddingBinding<T>> bindings, EmbeddingRegistry registry)
    {
        foreach (var binding in bindings)
        {
            if (binding.Modality == EmbeddingModality.Image)
            {
                _ = registry.ResolveImage(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
            }
            else
            {
                _ = registry.Resolve(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
            }
        }
    }

    /// <summary>
    /// The image vectors of <paramref name="binding"/> for <paramref name="rows"/> into <paramref name="buffer"/>: a row carrying a
    /// current vector keeps it (unless <paramref name="recompute"/>), a row without an image is left zero (its cell is written as
    /// null), the others are embedded. An image that cannot be decoded is raised as <see cref="InvalidImageException"/> naming the
    /// table, the property, the row's source position and its key.
    /// </summary>
    /// <returns>How many rows carried their vector, and the counts of the embedded ones.</returns>
    internal static async Task<(int Supplied, EmbeddingCounts Counts)> EmbedImagesAsync<T>(
        ILanceEntityMap<T> map, EmbeddingRegistry registry, EmbeddingBinding<T> binding, IReadOnlyList<T> rows, long offset, bool recompute, Memory<float> buffer, CancellationToken cancellationToken)
    {
        var dims = binding.Dimensions;
        var images = new List<ImageInput>();
        var positions = new List<int>();
        var supplied = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!recompute && binding.CurrentVector(rows[i]) is { } existing)
            {
                existing.Span.CopyTo(buffer.Span.Slice(i * dims, dims));
                supplied++;
            }
            else if (binding.GetSourceImage!(rows[i]) is { } image)
            {
                images.Add(image);
                positions.Add(i);
            }
        }

        if (images.Count == 0)
        {
            return (supplied, default);
        }

        var function = registry.ResolveImage(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
        var computed = ArrayPool<float>.Shared.Rent(images.Count * dims);
        try
        {
            EmbeddingCounts counts;
            try
            {
                counts = await function.EmbedForTableAsync(images, computed.AsMemory(0, images.Count * dims), map.TableName, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidImageException invalid) when (invalid.Index >= 0 && invalid.Index < positions.Count)
            {
                var row = positions[invalid.Index];
                var key = map.GetKey(rows[row]);
                throw new InvalidImageException(
                    $"Row {offset + row} (key {key}) of table '{map.TableName}': property '{binding.SourcePropertyName}' holds an image that '{binding.FunctionName}' cannot embed: {invalid.Problem}. Nothing of this row was written.",
                    checked((int)(offset + row)),
                    invalid)
                {
                    Table = map.TableName,
                    Property = binding.SourcePropertyName,
                    Key = key,
                    Problem = invalid.Problem,
                };
            }

            for (var j = 0; j < positions.Count; j++)
            {
                computed.AsSpan(j * dims, dims).CopyTo(buffer.Span.Slice(positions[j] * dims, dims));
            }

            return (supplied, counts);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(computed);
        }
    }

    private static async Task EmbedTextsAsync<T>(
        ILanceEntityMap<T> map, EmbeddingRegistry registry, EmbeddingBinding<T> binding, IReadOnlyList<T> rows, EmbeddingBinding<T>? recompute, float[] buffer, EmbeddedVectors result, CancellationToken cancellationToken)
    {
        var dims = binding.Dimensions;
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
            return;
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
            return;
        }

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
