using LanceOrm.Writing;

namespace LanceOrm.Tests.Unit;

/// <summary>
/// When a batch is split into requests, each part gets a share of the batch's vector counts that keeps
/// Computed + FromCache + Supplied = rows × embeddings, and the shares add up to the batch's counts.
/// </summary>
public sealed class VectorCountsShareTests
{
    [Fact]
    public void Every_split_of_every_mix_keeps_the_row_sum_and_adds_up_to_the_batch()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 5000; trial++)
        {
            var embeddings = random.Next(0, 3);
            var total = random.Next(2, 60);
            var slots = total * embeddings;
            var supplied = random.Next(0, slots + 1);
            var cached = random.Next(0, slots - supplied + 1);
            var batch = new VectorCounts(slots - supplied - cached, cached, supplied, random.Next(0, slots + 1));
            var rows = random.Next(1, total);

            var first = batch.Share(rows, total, embeddings);
            var second = batch - first;

            foreach (var (part, partRows) in new[] { (first, rows), (second, total - rows) })
            {
                Assert.Equal(partRows * embeddings, part.Computed + part.FromCache + part.Supplied);
                Assert.True(part.Computed >= 0 && part.FromCache >= 0 && part.Supplied >= 0 && part.Truncated >= 0, $"negative share {part} of {batch}");
            }
        }
    }

    [Fact]
    public void A_share_of_all_rows_is_the_batch()
    {
        var batch = new VectorCounts(3, 4, 5, 1);

        Assert.Equal(batch, batch.Share(12, 12, 1));
    }
}
