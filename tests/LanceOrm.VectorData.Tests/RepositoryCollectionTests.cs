using LanceOrm.VectorData.Tests.Support;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Tests;

/// <summary>A LanceOrm entity is served as a VectorData collection through its generated mapper: one entity, both APIs.</summary>
public sealed class RepositoryCollectionTests(EmulatorFixture emulator)
{
    private static readonly Article[] Articles =
    [
        new() { Id = "a1", Year = 2023, Category = "food", Body = "Knead the dough, let it rise overnight and bake the bread in a very hot oven." },
        new() { Id = "a2", Year = 2024, Category = "nature", Body = "At low tide the rock pools fill with crabs, anemones and small fish." },
        new() { Id = "a3", Year = 2025, Category = null, Body = "A generational garbage collector promotes long-lived objects to an older heap." },
    ];

    [Fact]
    public async Task Rows_written_through_the_collection_are_the_repositorys_rows_and_searchable_by_text_with_the_embed_function()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        var repository = connection.Articles();
        VectorStoreCollection<string, Article> collection = repository.AsVectorStoreCollection();
        await collection.EnsureCollectionExistsAsync(ct);

        await collection.UpsertAsync(Articles, ct);

        Assert.Equal(3, await repository.CountAsync(cancellationToken: ct));
        var stored = await repository.GetAsync("a2", ct);
        Assert.Equal(Articles[1].Body, stored!.Body);
        var got = await collection.GetAsync("a3", cancellationToken: ct);
        Assert.Null(got!.Category);
        Assert.Equal(2025, got.Year);
        var hit = await collection.SearchAsync("how is bread made?", top: 1, new() { VectorProperty = a => a.Body }, ct).SingleAsync(ct);
        Assert.Equal("a1", hit.Record.Id);
        var recent = await collection.GetAsync(a => a.Year >= 2024 && a.Category != "nature", top: 10, cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(["a3"], recent.Select(a => a.Id));
    }

    [Fact]
    public async Task Hybrid_search_uses_the_full_text_index_the_entity_declares()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        var repository = connection.Articles();
        var collection = repository.AsVectorStoreCollection();
        await collection.EnsureCollectionExistsAsync(ct);
        await collection.UpsertAsync(Articles, ct);
        await repository.CreateDeclaredIndicesAsync(cancellationToken: ct);

        var hits = await collection.HybridSearchAsync("sea shore animals", ["crabs"], top: 2, cancellationToken: ct).ToListAsync(ct);

        Assert.Equal("a2", hits[0].Record.Id);
        Assert.True(hits[0].Score > 0);
    }
}
