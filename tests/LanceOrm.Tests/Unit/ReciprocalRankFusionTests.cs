using LanceOrm.Querying;
namespace LanceOrm.Tests.Unit;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Rows_found_by_both_searches_rank_first_with_summed_reciprocal_ranks()
    {
        SearchHit<string> V(string e, ulong id, float d) => new(e, Distance: d, RowId: id);
        SearchHit<string> T(string e, ulong id, float s) => new(e, Score: s, RowId: id);
        var vector = new[] { V("a", 1, 0.1f), V("b", 2, 0.2f), V("c", 3, 0.3f) };
        var text = new[] { T("c", 3, 9f), T("d", 4, 5f) };

        var fused = ReciprocalRankFusion.Fuse(vector, text, limit: 2, offset: 0);

        Assert.Equal(["c", "a"], fused.Select(h => h.Entity));
        Assert.Equal(1.0 / 62 + 1.0 / 60, fused[0].RelevanceScore!.Value, 5);
        Assert.Equal(0.3f, fused[0].Distance);
        Assert.Equal(9f, fused[0].Score);
    }

    [Fact]
    public void Offset_applies_after_fusion()
    {
        var vector = new[] { new SearchHit<string>("a", RowId: 1), new SearchHit<string>("b", RowId: 2) };
        var fused = ReciprocalRankFusion.Fuse(vector, [], limit: 5, offset: 1);
        Assert.Equal(["b"], fused.Select(h => h.Entity));
    }
}
