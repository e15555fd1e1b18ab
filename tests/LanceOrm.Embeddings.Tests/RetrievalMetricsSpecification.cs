using LanceOrm.Embeddings.TestSupport.Retrieval;

namespace LanceOrm.Embeddings.Tests;

/// <summary>The retrieval metrics of the <c>quality</c> benchmark, checked on tiny rankings computed by hand.</summary>
public sealed class RetrievalMetricsSpecification
{
    private static readonly string[] Ranking = ["x1", "r1", "x2", "r2", "x3", "x4", "x5", "x6", "x7", "x8", "r3"];

    [Fact]
    public void Recall_at_k_is_the_share_of_relevant_documents_in_the_top_k()
    {
        Assert.Equal(2.0 / 3, RetrievalMetrics.RecallAt(10, Ranking, ["r1", "r2", "r3"]), 12);
        Assert.Equal(1.0, RetrievalMetrics.RecallAt(11, Ranking, ["r1", "r2", "r3"]), 12);
        Assert.Equal(0.0, RetrievalMetrics.RecallAt(1, Ranking, ["r1"]), 12);
    }

    [Fact]
    public void Ndcg_at_k_discounts_each_relevant_hit_by_log2_of_its_rank_plus_one_and_divides_by_the_ideal_ranking()
    {
        // Hits at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); ideal (2 relevant first) = 1 + 1/log2(3).
        var expected = ((1 / Math.Log2(3)) + (1 / Math.Log2(5))) / (1 + (1 / Math.Log2(3)));

        Assert.Equal(expected, RetrievalMetrics.NdcgAt(10, Ranking, ["r1", "r2"]), 12);
        Assert.Equal(0.650921, RetrievalMetrics.NdcgAt(10, Ranking, ["r1", "r2"]), 6);
    }

    [Fact]
    public void Ndcg_is_one_for_a_perfect_ranking_and_zero_without_a_hit()
    {
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(10, ["r1", "r2", "x1"], ["r1", "r2"]), 12);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAt(10, ["x1", "x2"], ["r1"]), 12);
    }

    [Fact]
    public void Ndcg_ideal_ranking_holds_at_most_k_relevant_documents()
    {
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(2, ["r1", "r2", "x1"], ["r1", "r2", "r3"]), 12);
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_document_within_k()
    {
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRankAt(10, Ranking, ["r1", "r2"]), 12);
        Assert.Equal(0.25, RetrievalMetrics.ReciprocalRankAt(10, Ranking, ["r2"]), 12);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAt(10, Ranking, ["r3"]), 12);
    }

    [Fact]
    public void Overlap_at_k_counts_shared_documents_of_both_top_k_lists_whatever_their_order()
    {
        Assert.Equal(2.0 / 3, RetrievalMetrics.OverlapAt(3, ["a", "b", "c", "z"], ["c", "d", "a", "b"]), 12);
        Assert.Equal(1.0, RetrievalMetrics.OverlapAt(2, ["a", "b"], ["b", "a"]), 12);
    }

    [Fact]
    public void Score_averages_each_metric_over_the_queries()
    {
        RetrievalQuery[] queries = [new("q1", "first", ["r1"]), new("q2", "second", ["r2", "r3"])];
        IReadOnlyList<string>[] rankings = [["r1", "x1"], ["x1", "r2"]];

        var scores = RetrievalMetrics.Score(10, queries, rankings);

        Assert.Equal((1 + 0.5) / 2, scores.Recall, 12);
        Assert.Equal((1 + (1 / Math.Log2(3) / (1 + (1 / Math.Log2(3))))) / 2, scores.Ndcg, 12);
        Assert.Equal((1 + 0.5) / 2, scores.ReciprocalRank, 12);
    }

    [Fact]
    public void A_query_without_relevant_documents_or_a_missing_ranking_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => RetrievalMetrics.NdcgAt(10, ["x1"], []));
        Assert.Throws<ArgumentException>(() => RetrievalMetrics.Score(10, [new RetrievalQuery("q1", "text", ["r1"])], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalMetrics.RecallAt(0, ["x1"], ["r1"]));
    }
}
