using LanceOrm.Mapping;

namespace LanceOrm.Writing;

/// <summary>
/// Consecutive rows of one batch, with their vectors and vector counts: what one request carries. A batch starts as one
/// part and is halved while its encoded body is over the request body limit, or when the server refuses it as too large.
/// </summary>
/// <param name="Offset">The source position of the first row.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Vectors">One row-major buffer per embedding, <c>Rows.Count × Dimensions</c> floats.</param>
/// <param name="Counts">Where these rows' vectors came from (<see cref="VectorCounts.Share"/>).</param>
internal sealed record WirePart<T>(long Offset, ArraySegment<T> Rows, ReadOnlyMemory<float>[] Vectors, VectorCounts Counts)
{
    /// <summary>The first and second half (rows, vectors and counts); the part has at least two rows.</summary>
    public (WirePart<T> First, WirePart<T> Second) Halve(IReadOnlyList<EmbeddingBinding<T>> embeddings)
    {
        var count = Rows.Count;
        var head = count / 2;
        var firstCounts = Counts.Share(head, count, embeddings.Count);
        var first = new ReadOnlyMemory<float>[Vectors.Length];
        var second = new ReadOnlyMemory<float>[Vectors.Length];
        for (var e = 0; e < Vectors.Length; e++)
        {
            var dims = embeddings[e].Dimensions;
            first[e] = Vectors[e][..(head * dims)];
            second[e] = Vectors[e][(head * dims)..];
        }

        return (new WirePart<T>(Offset, Rows[..head], first, firstCounts),
                new WirePart<T>(Offset + head, Rows[head..], second, Counts - firstCounts));
    }
}

/// <summary>A part encoded as a request body, or (<see cref="Body"/> null) a single row whose body is over the limit.</summary>
internal sealed record EncodedPart<T>(WirePart<T> Part, MemoryStream? Body, long Bytes);
