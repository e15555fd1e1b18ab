using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace LanceOrm.Embeddings.Tests;

public sealed class EmbeddingRegistrySpecification
{
    [Fact]
    public void Minilm_is_built_in_as_sentence_transformers_all_minilm_l6_v2_with_384_dimensions()
    {
        using var registry = new EmbeddingRegistry();

        var minilm = registry.Get("minilm");

        Assert.Equal(384, minilm.Dimensions);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", minilm.Identity.Model);
        Assert.Equal("sentence-transformers", minilm.Identity.MetadataName);
        Assert.Equal("""{"name":"all-MiniLM-L6-v2"}""", minilm.Identity.ModelJson);
        var generator = Assert.IsType<MiniLmEmbeddingGenerator>(minilm.Generator);
        Assert.Null(generator.Model); // nothing is loaded until the first embedding
        Assert.Same(registry.Cache, minilm.Cache);
    }

    [Fact]
    public void Choosing_the_int8_variant_changes_the_cache_identity_but_not_the_metadata()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { MiniLm = { Precision = ModelPrecision.Int8 } });

        var identity = registry.Get("minilm").Identity;

        Assert.NotEqual(BuiltInEmbeddingFunctions.MiniLmIdentity.Version, identity.Version);
        Assert.Equal("sentence-transformers", identity.MetadataName);
    }

    [Fact]
    public async Task The_built_in_function_embeds_through_the_registry_cache_with_the_configured_model()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { MiniLm = GeneratedModel.Options() });
        var minilm = registry.Get("minilm");
        var ct = TestContext.Current.CancellationToken;
        var destination = new float[2 * 384];

        await minilm.EmbedAsync(["the cat", "the cat"], destination, ct);
        await minilm.EmbedAsync(["the cat"], new float[384], ct);

        Assert.Equal(1, ((MiniLmEmbeddingGenerator)minilm.Generator).Statistics.TextsEmbedded);
        Assert.Equal(1, registry.Cache.Statistics.Hits);
        var tokenizer = WordPieceTokenizer.FromVocabulary(GeneratedModel.VocabularyPath);
        VectorAssert.Close(GeneratedModel.HandPooledVector(tokenizer.Encode("the cat")), destination.AsSpan(384, 384));
    }

    [Fact]
    public async Task Any_microsoft_extensions_ai_generator_can_be_registered_through_dependency_injection()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => GeneratedModel.CreateGenerator());
        services.AddLanceOrmEmbeddings(o => o.Cache.MaxEntries = 100);
        services.AddLanceOrmEmbeddingFunction("house-model", sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>(), 384, model: "acme/house-model", version: "7");
        await using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<EmbeddingRegistry>();
        var function = registry.Get("house-model");
        var destination = new float[384];
        await function.EmbedAsync(["love pasta"], destination, TestContext.Current.CancellationToken);

        Assert.Contains("minilm", registry.Names);
        Assert.Equal(new EmbeddingFunctionIdentity("house-model", "acme/house-model", "7", "house-model", "{}"), function.Identity);
        Assert.IsAssignableFrom<IEmbeddingGenerator<string, Embedding<float>>>(function.Generator);
        Assert.Same(registry.Cache, function.Cache);
        VectorAssert.UnitLength(destination);
    }

    [Fact]
    public async Task A_generator_returning_the_wrong_dimension_is_reported_by_name()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { RegisterBuiltIns = false });
        using var generator = GeneratedModel.CreateGenerator();
        registry.Register("too-wide", new GeneratorAdapter(generator), dimensions: 128);

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => registry.Get("too-wide").EmbedAsync(["x"], new float[128], TestContext.Current.CancellationToken));

        Assert.Equal(("too-wide", null, 128, 384), (error.Function, error.Table, error.ExpectedDimensions, error.ActualDimensions));
        Assert.Contains("'too-wide'", error.Message);
        Assert.Contains("384", error.Message);
    }

    [Fact]
    public async Task A_registered_generator_is_called_with_at_most_its_batch_size_of_texts_each_distinct_text_once()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { RegisterBuiltIns = false });
        using var generator = GeneratedModel.CreateGenerator();
        var adapter = new GeneratorAdapter(generator);
        registry.Register("remote", adapter, dimensions: 384, maxBatchSize: 3);
        string[] texts = ["a", "b", "c", "a", "d", "e", "f", "g"];

        await registry.Get("remote").EmbedAsync(texts, new float[texts.Length * 384], TestContext.Current.CancellationToken);

        Assert.Equal([3, 3, 1], adapter.Calls.Select(c => c.Length));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], adapter.Calls.SelectMany(c => c));
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Register("none", adapter, 384, maxBatchSize: 0));
    }

    [Fact]
    public async Task A_built_in_model_that_cannot_be_found_keeps_its_own_error_listing_the_places_looked()
    {
        var empty = TempDirectory.Create("no-model");
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions
        {
            MiniLm = { ModelDirectory = empty, AllowDownload = false, AllowNuGetPackage = false, CacheDirectory = TempDirectory.Create("cache") },
        });

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => registry.Get("minilm").EmbedAsync(["x"], new float[384], TestContext.Current.CancellationToken));

        Assert.NotEmpty(error.PlacesLooked);
    }

    [Fact]
    public void A_registered_generator_is_identified_by_its_own_model_id_unless_one_is_given()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { RegisterBuiltIns = false });
        using var generator = GeneratedModel.CreateGenerator();

        registry.Register("house", generator, 384).Register("named", generator, 384, model: "acme/house");

        Assert.Equal(generator.Metadata.DefaultModelId, registry.Get("house").Identity.Model);
        Assert.Equal("acme/house", registry.Get("named").Identity.Model);
    }

    /// <summary>Hides the direct-write fast path, as any third-party generator would; records the texts of each call.</summary>
    private sealed class GeneratorAdapter(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string[]> Calls { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToArray();
            Calls.Add(texts);
            return inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
