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

    /// <summary>Vectors (over all embeddings of the batch) computed by the model in this call.</summary>
    public int Computed { get; private set; }

    /// <summary>Vectors taken from the embedding cache.</summary>
    public int FromCache { get; private set; }

    /// <summary>Vectors the rows carried (kept as given).</summary>
    public int Supplied { get; private set; }

    /// <summary>Texts the model cut to its maximum input length.</summary>
    public int Truncated { get; private set; }

    /// <summary>Adds what one embedding of the batch did: <paramref name="supplied"/> vectors kept, <paramref name="counts"/> for the others.</summary>
    public void Count(int supplied, Embeddings.EmbeddingCounts counts)
    {
        Supplied += supplied;
        Computed += counts.Computed;
        FromCache += counts.Cached;
        Truncated += counts.Truncated;
    }

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
