using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary><c>resnet18</c> in the registry: 512 dimensions, its own metadata, and the cache keyed by the image bytes.</summary>
public sealed class ImageFunctionSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_registry_knows_resnet18_and_a_cached_image_is_not_computed_again()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { ResNet18 = ResNet18Model.Options() });
        var function = registry.GetImage("resnet18");
        ImageInput[] images = [TestImages.SceneJpeg(1), TestImages.SceneJpeg(7)];
        var first = new float[2 * 512];
        var second = new float[2 * 512];

        var computed = await function.EmbedForTableAsync(images, first, null, Ct);
        var again = await function.EmbedForTableAsync(images, second, null, Ct);

        Assert.Equal(512, function.Dimensions);
        Assert.Equal("""{"name":"resnet18","package":"Microsoft.ML.DnnImageFeaturizer.ResNet18","version":"0.23.1"}""", function.Identity.ModelJson);
        Assert.Equal((2, 0), (computed.Computed, computed.Cached));
        Assert.Equal((0, 2), (again.Computed, again.Cached));
        Assert.Equal(first, second);
        Assert.IsType<ResNet18EmbeddingGenerator>(function.Generator);
    }
}
