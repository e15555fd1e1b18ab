namespace LanceOrm;

/// <summary>A vector distance metric (wire names <c>l2</c>, <c>cosine</c>, <c>dot</c>, <c>hamming</c>).</summary>
public enum DistanceType
{
    /// <summary>Squared Euclidean distance.</summary>
    L2,
    /// <summary>Cosine distance.</summary>
    Cosine,
    /// <summary>Negative dot product.</summary>
    Dot,
    /// <summary>Hamming distance (binary vectors).</summary>
    Hamming,
}
