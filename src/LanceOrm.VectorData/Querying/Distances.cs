using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Querying;

/// <summary>
/// MEVD distance functions on LanceDB's metrics. LanceDB returns a distance (<c>_distance</c>, smaller is closer):
/// <c>l2</c> is the squared Euclidean distance, <c>cosine</c> is 1 − cos, <c>dot</c> is 1 − x·y. Scores follow MEVD:
/// similarities grow with closeness, distances shrink.
/// </summary>
internal static class Distances
{
    /// <summary>The distance function used when a vector property names none: LanceDB's default metric (l2).</summary>
    public const string Default = DistanceFunction.EuclideanSquaredDistance;

    /// <summary>The mapping of a distance function.</summary>
    /// <exception cref="NotSupportedException">LanceDB has no such metric (Hamming needs binary vectors, Manhattan is absent).</exception>
    public static Distance For(string? distanceFunction, string property) => (distanceFunction ?? Default) switch
    {
        DistanceFunction.EuclideanSquaredDistance => new(DistanceType.L2, d => d, t => t),
        DistanceFunction.EuclideanDistance => new(DistanceType.L2, d => Math.Sqrt(Math.Max(d, 0)), t => t < 0 ? -1 : t * t),
        DistanceFunction.CosineDistance => new(DistanceType.Cosine, d => d, t => t),
        DistanceFunction.CosineSimilarity => new(DistanceType.Cosine, d => 1 - d, t => 1 - t),
        DistanceFunction.DotProductSimilarity => new(DistanceType.Dot, d => 1 - d, t => 1 - t),
        DistanceFunction.NegativeDotProductSimilarity => new(DistanceType.Dot, d => d - 1, t => t + 1),
        var other => throw new NotSupportedException(
            $"Distance function '{other}' of vector property '{property}' is not supported by LanceDB. Supported: {DistanceFunction.CosineSimilarity}, {DistanceFunction.CosineDistance}, " +
            $"{DistanceFunction.DotProductSimilarity}, {DistanceFunction.NegativeDotProductSimilarity}, {DistanceFunction.EuclideanDistance}, {DistanceFunction.EuclideanSquaredDistance}."),
    };
}

/// <summary>A distance function on a LanceDB metric.</summary>
/// <param name="Metric">The metric sent with the query (<c>distance_type</c>).</param>
/// <param name="Score">The MEVD score of a LanceDB distance.</param>
/// <param name="MaxDistance">The largest distance whose score passes a score threshold.</param>
internal sealed record Distance(DistanceType Metric, Func<double, double> Score, Func<double, double> MaxDistance);
