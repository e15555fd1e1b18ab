using LanceOrm.VectorData.Tests.Support;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Tests;

public sealed class SmokeTests(EmulatorFixture emulator)
{
    public sealed class Hotel
    {
        [VectorStoreKey] public int Id { get; set; }
        [VectorStoreData(IsIndexed = true)] public string Name { get; set; } = "";
        [VectorStoreData] public double? Rating { get; set; }
        [VectorStoreData] public string[] Tags { get; set; } = [];
        [VectorStoreVector(3, DistanceFunction = DistanceFunction.CosineSimilarity)] public ReadOnlyMemory<float> Vector { get; set; }
    }

    [Fact]
    public async Task Upsert_get_search_filter_delete()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        using var store = new LanceDbVectorStore(connection);
        var hotels = store.GetCollection<int, Hotel>("hotels");
        Assert.False(await hotels.CollectionExistsAsync(ct));
        await hotels.EnsureCollectionExistsAsync(ct);
        await hotels.UpsertAsync(
        [
            new Hotel { Id = 1, Name = "Alpha", Rating = 4.5, Tags = ["pool"], Vector = new[] { 1f, 0, 0 } },
            new Hotel { Id = 2, Name = "Beta", Rating = null, Tags = [], Vector = new[] { 0f, 1, 0 } },
            new Hotel { Id = 3, Name = "Gamma", Rating = 3, Tags = ["pool", "spa"], Vector = new[] { 0f, 0, 1 } },
        ], ct);

        var two = await hotels.GetAsync(2, new() { IncludeVectors = true }, ct);
        Assert.NotNull(two);
        Assert.Equal("Beta", two.Name);
        Assert.Null(two.Rating);
        Assert.Equal([0f, 1, 0], two.Vector.ToArray());

        var hits = await hotels.SearchAsync(new ReadOnlyMemory<float>([1f, 0.1f, 0]), 2, cancellationToken: ct).ToListAsync(ct);
        Assert.Equal([1, 2], hits.Select(h => h.Record.Id));
        Assert.True(hits[0].Score > hits[1].Score);

        var pools = await hotels.GetAsync(h => h.Tags.Contains("pool") && h.Rating > 4, 10, cancellationToken: ct).ToListAsync(ct);
        Assert.Equal([1], pools.Select(h => h.Id));

        var ordered = await hotels.GetAsync(h => true, 10, new() { OrderBy = o => o.Descending(h => h.Name) }, ct).ToListAsync(ct);
        Assert.Equal(["Gamma", "Beta", "Alpha"], ordered.Select(h => h.Name));

        await hotels.DeleteAsync([1, 3], ct);
        Assert.Equal([2], (await hotels.GetAsync([1, 2, 3], cancellationToken: ct).ToListAsync(ct)).Select(h => h.Id));
        Assert.Contains("hotels", await store.ListCollectionNamesAsync(ct).ToListAsync(ct));
        await hotels.EnsureCollectionDeletedAsync(ct);
        Assert.False(await store.CollectionExistsAsync("hotels", ct));
    }
}
