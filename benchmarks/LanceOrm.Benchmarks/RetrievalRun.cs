using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Embeddings.TestSupport.Retrieval;

namespace LanceOrm.Benchmarks;

/// <summary>
/// One embedding function's run over the retrieval set: its document vectors, the exact cosine top-k of every query
/// and the scores of those rankings; and its agreement with a reference run (the fp32 model, for an int8 variant).
/// </summary>
internal sealed record RetrievalRun(RetrievalScores Scores, float[] DocumentVectors, float[] QueryVectors, IReadOnlyList<string>[] Rankings, int Dimensions)
{
    public const int K = 10;

    /// <summary>Embeds the corpus with <paramref name="embedDocuments"/> and the queries with <paramref name="embedQueries"/>, then ranks and scores.</summary>
    public static async Task<RetrievalRun> MeasureAsync(
        RetrievalSet set,
        int dimensions,
        Func<string[], float[], Task> embedDocuments,
        Func<string[], float[], Task> embedQueries)
    {
        var documentVectors = new float[set.Documents.Count * dimensions];
        var queryVectors = new float[set.Queries.Count * dimensions];
        await embedDocuments(set.Documents.Select(d => d.Text).ToArray(), documentVectors);
        await embedQueries(set.Queries.Select(q => q.Text).ToArray(), queryVectors);
        return Rank(set, documentVectors, queryVectors, dimensions);
    }

    /// <summary>
    /// A mixed table: the documents of <paramref name="documents"/> searched with the queries of
    /// <paramref name="queries"/> (for example fp32 rows searched by an int8 client).
    /// </summary>
    public static RetrievalRun Mixed(RetrievalSet set, RetrievalRun documents, RetrievalRun queries) =>
        Rank(set, documents.DocumentVectors, queries.QueryVectors, documents.Dimensions);

    private static RetrievalRun Rank(RetrievalSet set, float[] documentVectors, float[] queryVectors, int dimensions)
    {
        var search = new ExactCosineSearch(documentVectors, dimensions);
        var rankings = new IReadOnlyList<string>[set.Queries.Count];
        for (var i = 0; i < rankings.Length; i++)
        {
            rankings[i] = search.Top(queryVectors.AsSpan(i * dimensions, dimensions), K).Select(d => set.Documents[d].Id).ToArray();
        }

        return new RetrievalRun(RetrievalMetrics.Score(K, set.Queries, rankings), documentVectors, queryVectors, rankings, dimensions);
    }

    /// <summary>
    /// The mean cosine of this run's document vectors to <paramref name="reference"/>'s, and the mean top-k overlap
    /// |top k ∩ reference top k| / k over the queries.
    /// </summary>
    public (double MeanCosine, double MeanOverlap) AgreementWith(RetrievalRun reference) => AgreementWith(reference, K);

    /// <summary>As <see cref="AgreementWith(RetrievalRun)"/>, the overlap of the top <paramref name="k"/> (k at most <see cref="K"/>).</summary>
    public (double MeanCosine, double MeanOverlap) AgreementWith(RetrievalRun reference, int k)
    {
        if (reference.Dimensions != Dimensions || reference.Rankings.Length != Rankings.Length)
        {
            throw new ArgumentException("The reference run is of another model or another set.", nameof(reference));
        }

        var cosine = Enumerable.Range(0, DocumentVectors.Length / Dimensions)
            .Average(row => Vectors.Cosine(DocumentVectors.AsSpan(row * Dimensions, Dimensions), reference.DocumentVectors.AsSpan(row * Dimensions, Dimensions)));
        var overlap = Rankings.Select((ranking, i) => RetrievalMetrics.OverlapAt(k, ranking, reference.Rankings[i])).Average();
        return (cosine, overlap);
    }
}
