using System.Net;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// An application-registered <c>IEmbeddingGenerator</c> (the official OpenAI client through Microsoft.Extensions.AI,
/// against a loopback OpenAI-compatible endpoint serving the real all-MiniLM-L6-v2) serves <c>[Embed("openai")]</c> as the
/// built-in function does: vectors on write and for text search, in requests of at most the function's batch size,
/// through the cache, with typed errors that name the function and the table and never the key.
/// </summary>
[Collection(MiniLmCollection.Name)]
public sealed class RemoteEmbeddingFunctionTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<LanceRepository<Article, string>> NewArticlesAsync(LanceDbConnection db)
    {
        var repo = db.Articles();
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        return repo;
    }

    private static async Task<Dictionary<string, Article>> StoredAsync(LanceRepository<Article, string> repo) =>
        (await repo.Query().Limit(1000).ToListAsync(Ct)).ToDictionary(h => h.Entity.Id, h => h.Entity);

    internal static void AssertSameVector(float[] expected, float[]? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }

    [Fact]
    public async Task Rows_written_get_the_vectors_the_endpoint_computed_which_equal_the_local_MiniLM_vectors_of_their_text()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server));
        var repo = await NewArticlesAsync(db);

        var result = await repo.AddAsync(Article.Corpus(), cancellationToken: Ct);

        Assert.Equal(SearchCorpus.Bodies.Length, result.VectorsComputed);
        var request = Assert.Single(server.Requests);
        Assert.Equal((OpenAiFunction.Model, "base64", true, HttpStatusCode.OK), (request.Model, request.EncodingFormat, request.CarriedKey, request.Status));
        Assert.Equal(SearchCorpus.Bodies, request.Inputs);
        var stored = await StoredAsync(repo);
        Assert.Equal(SearchCorpus.Bodies.Length, stored.Count);
        foreach (var article in stored.Values)
        {
            AssertSameVector(await OpenAiFunction.LocalVectorAsync(article.Body), article.Vector);
        }
    }

    [Fact]
    public async Task Search_by_text_embeds_the_query_through_the_endpoint_and_ranks_the_row_about_it_first()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server));
        var repo = await NewArticlesAsync(db);
        await repo.AddAsync(Article.Corpus(), cancellationToken: Ct);

        var bread = await repo.Search(a => a.Body, "how to make a loaf of bread").Limit(3).ToListAsync(Ct);
        var empire = await repo.Search(a => a.Body, "ancient rome and its emperors").Limit(3).ToListAsync(Ct);

        Assert.Equal("baking sourdough bread at home", bread[0].Entity.Body);
        Assert.Equal("the history of the roman empire", empire[0].Entity.Body);
        Assert.Equal(
            ["how to make a loaf of bread", "ancient rome and its emperors"],
            server.Requests.Skip(1).Select(r => Assert.Single(r.Inputs)));
    }

    [Fact]
    public async Task Texts_are_sent_in_requests_of_at_most_the_function_batch_size_and_each_distinct_text_once()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 10, OpenAiFunction.Registry(server, maxBatchSize: 4));
        var repo = await NewArticlesAsync(db);
        var rows = Enumerable.Range(0, 25).Select(i => new Article { Id = $"a{i}", Body = $"article {i % 20} about topic {i % 20}" }).ToArray();

        await repo.AddAsync(rows, cancellationToken: Ct);

        Assert.All(server.Requests, r => Assert.InRange(r.Inputs.Count, 1, 4));
        Assert.Equal(rows.Select(r => r.Body).Distinct().Order(), server.TextsSent.Order());
        // Write batches of 10 rows: 10 new texts, 10 new texts, then 5 texts of the first batch (cached, no request).
        Assert.Equal([4, 4, 2, 4, 4, 2], server.Requests.Select(r => r.Inputs.Count));
        Assert.Equal(25, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task The_DI_registration_serves_the_entity_with_the_given_batch_size()
    {
        using var server = OpenAiFunction.NewServer();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanceOrm(o =>
            {
                o.Uri = "db://" + EmulatorFixture.UniqueDatabase();
                o.ApiKey = EmulatorFixture.ApiKey;
                o.HostOverride = fixture.Emulator.Url;
            })
            .ConfigureEmbeddings(e => e.RegisterBuiltIns = false)
            .AddEmbeddingFunction(OpenAiFunction.Name, _ => OpenAiFunction.Client(server), OpenAiFunction.Dimensions, maxBatchSize: 2);
        await using var provider = services.BuildServiceProvider();
        var repo = await NewArticlesAsync(provider.GetRequiredService<LanceDbConnection>());

        await repo.AddAsync(Article.Corpus(), cancellationToken: Ct);

        Assert.Equal([2, 2, 2], server.Requests.Select(r => r.Inputs.Count));
        var stored = await StoredAsync(repo);
        AssertSameVector(await OpenAiFunction.LocalVectorAsync(SearchCorpus.Bodies[1]), stored["a1"].Vector);
    }

    [Fact]
    public async Task Writing_the_same_texts_again_and_repeating_a_query_send_no_request()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server));
        var repo = await NewArticlesAsync(db);
        await repo.AddAsync(Article.Corpus(), cancellationToken: Ct);
        await repo.Search(a => a.Body, "vector search").Limit(1).ToListAsync(Ct);
        var before = server.Requests.Count;

        var again = await repo.UpsertAsync(Article.Corpus().Select(a => new Article { Id = a.Id + "-copy", Body = a.Body }).ToArray(), cancellationToken: Ct);
        var repeated = await repo.Search(a => a.Body, "vector search").Limit(1).ToListAsync(Ct);

        Assert.Equal(2, before);
        Assert.Equal(before, server.Requests.Count);
        Assert.Equal((0L, (long)SearchCorpus.Bodies.Length), (again.VectorsComputed, again.VectorsFromCache));
        Assert.Single(repeated);
        Assert.Equal(2 * SearchCorpus.Bodies.Length, await repo.CountAsync(cancellationToken: Ct));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, OpenAiFunction.ApiKey)]
    [InlineData(HttpStatusCode.Unauthorized, "sk-remote-WRONG-key-that-must-never-leak-42")]
    public async Task An_endpoint_error_stops_the_write_with_a_typed_error_naming_the_function_and_the_table_writing_nothing_and_never_showing_the_key(HttpStatusCode status, string key)
    {
        using var server = OpenAiFunction.NewServer();
        server.FailWith = status == HttpStatusCode.Unauthorized ? null : status;
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server, key), logs: loggerFactory);
        var repo = await NewArticlesAsync(db);

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(Article.Corpus(), cancellationToken: Ct));

        var error = Assert.IsType<EmbeddingFailedException>(failure.InnerException);
        Assert.Equal((OpenAiFunction.Name, "articles"), (error.Function, error.Table));
        Assert.Contains("'openai'", error.Message);
        Assert.Contains("'articles'", error.Message);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.InnerException!.Message);
        Assert.Equal(status, Assert.Single(server.Requests).Status);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
        Assert.Equal(0, failure.ResumePosition);
        foreach (var text in new[] { failure.ToString(), failure.Message, error.ToString(), error.InnerException.ToString(), db.ToString() }.Concat(logs.Lines))
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_generator_returning_another_dimension_is_a_typed_error_naming_the_function_and_both_dimensions()
    {
        using var server = OpenAiFunction.NewServer();
        server.ReturnDimensions = 128;
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server));
        var repo = await NewArticlesAsync(db);

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(Article.Corpus(), cancellationToken: Ct));
        var search = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => repo.Search(a => a.Body, "bread").ToListAsync(Ct));

        var error = Assert.IsType<EmbeddingDimensionMismatchException>(failure.InnerException);
        Assert.Equal((OpenAiFunction.Name, "articles", 384, 128), (error.Function, error.Table, error.ExpectedDimensions, error.ActualDimensions));
        Assert.Contains("'openai' returned vectors of 128 dimensions for table 'articles'; it is registered with 384", error.Message);
        Assert.Equal((384, 128), (search.ExpectedDimensions, search.ActualDimensions));
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }
}
