using LanceOrm.Embeddings;
using LanceOrm.Mapping;

namespace LanceOrm.Writing;

/// <summary>
/// The image vectors of a whole in-memory write, computed before anything is sent: an image that cannot be decoded then
/// fails the write with nothing stored (as a bad row of an in-memory collection does), instead of after the batches
/// before it. Indexed by the row's source position. Vectors cost 4 bytes a dimension a row, a small fraction of the
/// encoded images the caller already holds in memory.
/// </summary>
internal sealed class UpfrontImageVectors<T>
{
    private readonly Dictionary<EmbeddingBinding<T>, (float[] Vectors, int Supplied)> _vectors = [];

    private UpfrontImageVectors()
    {
    }

    /// <summary>Embeds the images of every image binding of <paramref name="map"/> for <paramref name="rows"/> (rows carrying a current vector keep it).</summary>
    /// <exception cref="InvalidImageException">An image cannot be read or decoded; the exception names the table, property, row and key.</exception>
    public static async Task<UpfrontImageVectors<T>> EmbedAsync(ILanceEntityMap<T> map, EmbeddingRegistry registry, IReadOnlyList<T> rows, EmbeddingBinding<T>? recompute, CancellationToken cancellationToken)
    {
        var result = new UpfrontImageVectors<T>();
        foreach (var binding in map.Embeddings)
        {
            if (binding.Modality != EmbeddingModality.Image)
            {
                continue;
            }

            var vectors = new float[rows.Count * binding.Dimensions];
            var (supplied, _) = await RowEmbedder.EmbedImagesAsync(map, registry, binding, rows, 0, binding == recompute, vectors, cancellationToken).ConfigureAwait(false);
            result._vectors[binding] = (vectors, supplied);
        }

        return result;
    }

    /// <summary>
    /// The vectors of <paramref name="binding"/> for <paramref name="count"/> rows from source position <paramref name="offset"/>,
    /// if computed up front, and how many of the whole write's rows carried their own (counted with the first batch).
    /// </summary>
    public bool TryGet(EmbeddingBinding<T> binding, long offset, int count, out ReadOnlyMemory<float> vectors, out int supplied)
    {
        if (_vectors.TryGetValue(binding, out var all))
        {
            vectors = all.Vectors.AsMemory(checked((int)offset * binding.Dimensions), count * binding.Dimensions);
            supplied = offset == 0 ? Math.Min(all.Supplied, count) : 0;
            return true;
        }

        vectors = default;
        supplied = 0;
        return false;
    }
}
