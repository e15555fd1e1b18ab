using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Prototype locally, switch the function later: a table embedded by a local function registered as <c>openai</c>, then
/// the name switched to the remote endpoint (another model, so the stored vectors no longer compare with its query
/// vectors) and <see cref="LanceRepository{T, TKey}.ReembedAsync"/> run: every stored vector becomes the new function's
/// vector of the row's current text, page by page, without undoing a concurrent write.
/// </summary>
[Collection(MiniLmCollection.Name)]
public sealed class ReembedTests(EmulatorFixture fixture)
{
    private const int Rows = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article Make(int i) => new() { Id = $"a{i:D2}", Body = SearchCorpus.Bodies[i % SearchCorpus.Bodies.Length] + $" (part {i})" };

    /// <summary>A table of <see cref="Rows"/> articles embedded by a local prototype function registered as <c>openai</c>.</summary>
    private async Task<LanceDbConnection> PrototypeAsync(OpenAiEmbeddingServer server, HttpMessageHandler? handler = null)
    {
        var registry = new Embeddings.EmbeddingRegistry(new Embeddings.EmbeddingRegistryOptions { RegisterBuiltIns = false })
            .Register(OpenAiFunction.Name, new HashingEmbeddingGenerator(OpenAiFunction.Dimensions), OpenAiFunction.Dimensions, model: "prototype");
        var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 4, registry, handler: handler);
        var repo = db.Articles();
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        await repo.AddAsync(Enumerable.Range(0, Rows).Select(Make).ToArray(), cancellationToken: Ct);
        Assert.Empty(server.Requests);

        // The switch: the same name now resolves to the remote endpoint.
        registry.Register(OpenAiFunction.Name, OpenAiFunction.Client(server), OpenAiFunction.Dimensions);
        return db;
    }

    private static async Task<Dictionary<string, Article>> StoredAsync(LanceRepository<Article, string> repo) =>
        (await repo.Query().Limit(1000).ToListAsync(Ct)).ToDictionary(h => h.Entity.Id, h => h.Entity);

    [Fact]
    public async Task After_switching_the_function_every_stored_vector_is_the_new_function_vector_of_the_row_text_and_a_rerun_sends_nothing()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await PrototypeAsync(server);
        var repo = db.Articles();
        var progress = new List<WriteProgress>();

        var result = await repo.ReembedAsync(progress: new SynchronousProgress<WriteProgress>(progress.Add), cancellationToken: Ct);

        Assert.Equal((10L, 10L, 10L, 0L), (result.RowsSent, result.RowsUpdated, result.VectorsComputed, result.VectorsSupplied));
        Assert.Equal([4L, 8L, 10L], progress.Select(p => p.RowsWritten));
        Assert.Equal([1, 2, 3], progress.Select(p => p.Batches));
        var stored = await StoredAsync(repo);
        Assert.Equal(Rows, stored.Count);
        foreach (var article in stored.Values)
        {
            RemoteEmbeddingFunctionTests.AssertSameVector(await OpenAiFunction.LocalVectorAsync(article.Body), article.Vector);
        }

        var top = await repo.Search(a => a.Body, "how to make a loaf of bread").Limit(1).ToListAsync(Ct);
        Assert.StartsWith("baking sourdough bread at home", top[0].Entity.Body);

        var sent = server.Requests.Count;
        var rerun = await repo.ReembedAsync(a => a.Body, cancellationToken: Ct);
        Assert.Equal((10L, 0L, 10L), (rerun.RowsUpdated, rerun.VectorsComputed, rerun.VectorsFromCache));
        Assert.Equal(sent, server.Requests.Count);
    }

    [Fact]
    public async Task A_row_rewritten_or_deleted_while_re_embedding_keeps_what_that_writer_left()
    {
        using var server = OpenAiFunction.NewServer();
        var meanwhile = new WriteBeforeFirstVectorUpdate();
        using var db = await PrototypeAsync(server, meanwhile);
        using var other = EmulatorFixture.Connect(fixture.Emulator, o => o.Uri = "db://" + db.Database, OpenAiFunction.Registry(server));
        var rewritten = new Article { Id = "a01", Body = "gardening tips for autumn bulbs, written while re-embedding" };
        meanwhile.Write = async () =>
        {
            // Another writer, with the new function, after the re-embed read the first page and before it writes it back.
            var writer = other.Articles();
            await writer.UpsertAsync([rewritten], cancellationToken: Ct);
            await writer.DeleteAsync(a => a.Id == "a02", Ct);
        };

        var result = await db.Articles().ReembedAsync(a => a.Body, cancellationToken: Ct);

        Assert.True(meanwhile.Wrote);
        Assert.Equal(8L, result.RowsUpdated);
        var stored = await StoredAsync(db.Articles());
        Assert.Equal(Rows - 1, stored.Count);
        Assert.DoesNotContain("a02", stored.Keys);
        Assert.Equal(rewritten.Body, stored["a01"].Body);
        foreach (var article in stored.Values)
        {
            RemoteEmbeddingFunctionTests.AssertSameVector(await OpenAiFunction.LocalVectorAsync(article.Body), article.Vector);
        }
    }

    [Fact]
    public async Task A_property_without_Embed_is_an_argument_error_naming_it()
    {
        using var server = OpenAiFunction.NewServer();
        using var db = await fixture.ConnectAsync(registry: OpenAiFunction.Registry(server));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Articles().ReembedAsync(a => a.Id, cancellationToken: Ct));

        Assert.Contains("'Id'", error.Message);
        Assert.Contains("re-embedded", error.Message);
        Assert.Empty(server.Requests);
    }
}
