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

    /// <summary>Rows whose vector (of any embedding) was computed rather than given.</summary>
    public int RowsEmbedded { get; set; }

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
