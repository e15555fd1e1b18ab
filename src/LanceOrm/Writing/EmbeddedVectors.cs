using System.Buffers;

namespace LanceOrm.Writing;

/// <summary>One flat vector buffer per embedding of a batch, rented from the shared pool and returned on dispose.</summary>
internal sealed class EmbeddedVectors : IDisposable
{
    private readonly float[]?[] _arrays;
    private readonly ReadOnlyMemory<float>[] _vectors;

    public EmbeddedVectors(int embeddings)
    {
        _arrays = new float[embeddings][];
        _vectors = new ReadOnlyMemory<float>[embeddings];
    }

    /// <summary>The vectors, one row-major buffer per embedding (what <c>ToRecordBatch</c> takes).</summary>
    public IReadOnlyList<ReadOnlyMemory<float>> Vectors => _vectors;

    /// <summary>Where the batch's vectors (over all its embeddings) came from, and the texts truncated.</summary>
    public VectorCounts Counts { get; private set; }

    /// <summary>Adds what one embedding of the batch did: <paramref name="supplied"/> vectors kept, <paramref name="counts"/> for the others.</summary>
    public void Count(int supplied, Embeddings.EmbeddingCounts counts) =>
        Counts = new VectorCounts(
            Counts.Computed + counts.Computed,
            Counts.FromCache + counts.Cached,
            Counts.Supplied + supplied,
            Counts.Truncated + counts.Truncated);

    public float[] Rent(int embedding, int length)
    {
        var array = ArrayPool<float>.Shared.Rent(length);
        _arrays[embedding] = array;
        _vectors[embedding] = array.AsMemory(0, length);
        return array;
    }

    public void Dispose()
    {
        for (var i = 0; i < _arrays.Length; i++)
        {
            if (_arrays[i] is { } array)
            {
                ArrayPool<float>.Shared.Return(array);
                _arrays[i] = null;
                _vectors[i] = default;
            }
        }
    }
}
