using LanceOrm.Embeddings;

namespace LanceOrm.Tests;

public sealed class EmbeddingRegistryTests
{
    [Fact]
    public void Unknown_function_names_are_reported_with_the_registered_ones()
    {
        var registry = new EmbeddingRegistry();

        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("nope"));

        Assert.Contains("'nope'", error.Message);
    }
}
