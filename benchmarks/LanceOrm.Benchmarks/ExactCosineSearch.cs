namespace LanceOrm.Benchmarks;

/// <summary>Brute-force top-k by cosine similarity over row-major vectors (exact: every document is scored).</summary>
internal sealed class ExactCosineSearch
{
    private readonly float[] _documents;
    private readonly int _dimensions;

    public ExactCosineSearch(ReadOnlySpan<float> documents, int dimensions)
    {
        _dimensions = dimensions;
        _documents = Normalised(documents, dimensions);
    }

    public int Count => _documents.Length / _dimensions;

    /// <summary>The indices of the <paramref name="k"/> most similar documents, best first (ties: lower index first).</summary>
    public int[] Top(ReadOnlySpan<float> query, int k)
    {
        var q = Normalised(query, _dimensions);
        var scores = new (float Score, int Index)[Count];
        for (var d = 0; d < scores.Length; d++)
        {
            scores[d] = (Dot(q, _documents.AsSpan(d * _dimensions, _dimensions)), d);
        }

        Array.Sort(scores, static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Index.CompareTo(y.Index));
        return scores.Take(k).Select(s => s.Index).ToArray();
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return (float)sum;
    }

    private static float[] Normalised(ReadOnlySpan<float> vectors, int dimensions)
    {
        var result = vectors.ToArray();
        for (var row = 0; row < result.Length / dimensions; row++)
        {
            var v = result.AsSpan(row * dimensions, dimensions);
            var norm = Math.Sqrt(Dot(v, v));
            if (norm == 0)
            {
                throw new InvalidOperationException($"Vector {row} is all zeros; cosine similarity is undefined.");
            }

            foreach (ref var x in v)
            {
                x = (float)(x / norm);
            }
        }

        return result;
    }
}
