using LanceOrm.VectorData.Tests.Support;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Tests;

/// <summary>Index kinds map to LanceDB's vector indices, built once the table has rows to train on.</summary>
public sealed class IndexKindTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData(IndexKind.Hnsw, "IVF_HNSW_SQ")]
    [InlineData(IndexKind.IvfFlat, "IVF_FLAT")]
    public async Task A_declared_index_kind_is_built_by_the_upsert_that_brings_the_table_to_256_rows(string indexKind, string lanceIndex)
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        using var store = new LanceDbVectorStore(connection);
        var collection = store.GetDynamicCollection("indexed", Definition(indexKind));
        await collection.EnsureCollectionExistsAsync(ct);
        var random = new Random(7);
        var records = Enumerable.Range(0, 300).Select(i => new Dictionary<string, object?>
        {
            ["Key"] = i,
            ["Vector"] = new ReadOnlyMemory<float>(Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble()).ToArray()),
        }).ToList();

        await collection.UpsertAsync(records.Take(200), ct);
        var table = connection.Remote.Table("indexed");
        Assert.Empty(await table.ListIndicesAsync(ct));

        await collection.UpsertAsync(records.Skip(200), ct);
        var index = Assert.Single(await table.ListIndicesAsync(ct));
        Assert.Equal(lanceIndex, index.IndexType);
        Assert.Equal(["Vector"], index.Columns);

        var hit = await collection.SearchAsync((ReadOnlyMemory<float>)records[123]["Vector"]!, top: 1, cancellationToken: ct).SingleAsync(ct);
        Assert.Equal(123, hit.Record["Key"]);
    }

    [Fact]
    public void Index_kinds_LanceDB_lacks_are_refused_when_the_collection_is_made()
    {
        using var connection = emulator.Connect();
        using var store = new LanceDbVectorStore(connection);

        var refused = Assert.Throws<NotSupportedException>(() => store.GetDynamicCollection("indexed", Definition(IndexKind.DiskAnn)));
        Assert.Contains("DiskAnn", refused.Message);
    }

    private static VectorStoreCollectionDefinition Definition(string indexKind) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty("Key", typeof(int)),
            new VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 8) { IndexKind = indexKind, DistanceFunction = DistanceFunction.CosineDistance },
        ],
    };
}
