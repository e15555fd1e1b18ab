namespace LanceOrm.Embeddings.TestSupport.Retrieval;

/// <summary>Mean scores of a ranking run over a set of queries.</summary>
internal sealed record RetrievalScores(double Recall, double Ndcg, double ReciprocalRank);

/// <summary>
/// Standard retrieval metrics at a cut-off k over ranked document ids, with binary relevance (a document is relevant
/// or not): recall@k, nDCG@k (gain 1 per relevant document, discount log2(rank + 1), normalised by the ideal ranking of
/// min(k, |relevant|) relevant documents), reciprocal rank@k (1 / rank of the first relevant document, 0 if none in
/// the top k), and the overlap of two top-k lists.
/// </summary>
internal static class RetrievalMetrics
{
    /// <summary>The share of the relevant documents that are in the top <paramref name="k"/> of <paramref name="ranking"/>.</summary>
    public static double RecallAt(int k, IReadOnlyList<string> ranking, IReadOnlyCollection<string> relevant)
    {
        Check(k, ranking, relevant);
        return ranking.Take(k).Count(relevant.Contains) / (double)relevant.Count;
    }

    /// <summary>Normalised discounted cumulative gain of the top <paramref name="k"/>, binary gains.</summary>
    public static double NdcgAt(int k, IReadOnlyList<string> ranking, IReadOnlyCollection<string> relevant)
    {
        Check(k, ranking, relevant);
        var dcg = ranking.Take(k).Select((id, index) => relevant.Contains(id) ? Discount(index) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(k, relevant.Count)).Sum(Discount);
        return dcg / ideal;
    }

    /// <summary>1 / (1-based rank of the first relevant document) within the top <paramref name="k"/>, else 0.</summary>
    public static double ReciprocalRankAt(int k, IReadOnlyList<string> ranking, IReadOnlyCollection<string> relevant)
    {
        Check(k, ranking, relevant);
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>|top k of <paramref name="a"/> ∩ top k of <paramref name="b"/>| / k.</summary>
    public static double OverlapAt(int k, IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return a.Take(k).Intersect(b.Take(k), StringComparer.Ordinal).Count() / (double)k;
    }

    /// <summary>The mean recall, nDCG and reciprocal rank at <paramref name="k"/> of one ranking per query.</summary>
    public static RetrievalScores Score(int k, IReadOnlyList<RetrievalQuery> queries, IReadOnlyList<IReadOnlyList<string>> rankings)
    {
        if (queries.Count == 0 || queries.Count != rankings.Count)
        {
            throw new ArgumentException($"Expected one ranking per query and at least one query; got {queries.Count} queries and {rankings.Count} rankings.", nameof(rankings));
        }

        double recall = 0, ndcg = 0, reciprocalRank = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var relevant = queries[i].Relevant.ToHashSet(StringComparer.Ordinal);
            recall += RecallAt(k, rankings[i], relevant);
            ndcg += NdcgAt(k, rankings[i], relevant);
            reciprocalRank += ReciprocalRankAt(k, rankings[i], relevant);
        }

        return new RetrievalScores(recall / queries.Count, ndcg / queries.Count, reciprocalRank / queries.Count);
    }

    private static double Discount(int index) => 1 / Math.Log2(index + 2);

    private static void Check(int k, IReadOnlyList<string> ranking, IReadOnlyCollection<string> relevant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentNullException.ThrowIfNull(ranking);
        if (relevant.Count == 0)
        {
            throw new ArgumentException("A query needs at least one relevant document.", nameof(relevant));
        }
    }
}
