using System.Numerics.Tensors;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>What an image embedding is for: a copy of a picture that was resized, re-encoded or slightly cropped finds its original first.</summary>
public sealed class NearDuplicateSpecification(ResNet18Model model) : IClassFixture<ResNet18Model>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resized_reencoded_or_cropped_copy_has_its_own_original_as_nearest_neighbour()
    {
        var originals = Enumerable.Range(0, TestImages.SceneCount).Select(s => TestImages.Scene(s)).ToArray();
        var copies = originals.SelectMany(o => new[]
        {
            ("resized to 60%", TestImages.Resized(o, 0.6)),
            ("JPEG quality 60", TestImages.Reencoded(o, 60)),
            ("5% cropped off each edge", TestImages.Cropped(o, 0.05)),
        }).ToArray();

        var vectors = await model.EmbedAsync([.. originals, .. copies.Select(c => c.Item2)], Ct);

        var misses = new List<string>();
        for (var c = 0; c < copies.Length; c++)
        {
            var copy = vectors[originals.Length + c];
            var nearest = Enumerable.Range(0, originals.Length).MaxBy(o => TensorPrimitives.CosineSimilarity(copy, vectors[o]));
            if (nearest != c / 3)
            {
                misses.Add($"scene {c / 3} {copies[c].Item1} is nearest to scene {nearest}");
            }
        }

        Assert.Empty(misses);
    }

    [Fact]
    public async Task Vectors_have_512_values_of_unit_length_and_distinct_scenes_differ()
    {
        var vectors = await model.EmbedAsync([TestImages.Scene(0), TestImages.Scene(3)], Ct);

        Assert.All(vectors, v => Assert.Equal(512, v.Length));
        Assert.All(vectors, v => VectorAssert.UnitLength(v));
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) < 0.95f);
    }
}
