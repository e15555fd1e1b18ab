namespace LanceOrm.Embeddings.TestSupport;

/// <summary>Vector arithmetic for tests and benchmarks.</summary>
public static class Vectors
{
    /// <summary>The cosine similarity of two vectors, accumulated in double precision.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / (Math.Sqrt(na) * Math.Sqrt(nb));
    }
}
