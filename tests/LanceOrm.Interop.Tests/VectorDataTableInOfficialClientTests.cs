using LanceOrm.Interop.Tests.Support;
using LanceOrm.VectorData;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.Interop.Tests;

/// <summary>
/// A table written through the Microsoft.Extensions.VectorData connector with LanceOrm's local MiniLM carries the
/// <c>embedding_functions</c> metadata, so the official TypeScript client searches it by text and ranks like the connector.
/// </summary>
public sealed class VectorDataTableInOfficialClientTests(InteropFixture fixture)
{
    public sealed class Doc
    {
        [VectorStoreKey(StorageName = "id")] public string Id { get; set; } = "";

        [VectorStoreData(StorageName = "body")] public string Body { get; set; } = "";

        [VectorStoreVector(384, DistanceFunction = DistanceFunction.CosineDistance, StorageName = "vector")] public string Embedding => Body;
    }

    [Fact]
    public async Task The_official_client_searches_a_connector_table_by_text_with_the_function_in_its_metadata_and_gets_the_connectors_top_10()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        using var store = new LanceDbVectorStore(db, new() { EmbeddingGenerator = db.Embeddings.Get("minilm").AsEmbeddingGenerator() });
        var docs = store.GetCollection<string, Doc>("vectordata_docs");
        await docs.EnsureCollectionExistsAsync(ct);
        await docs.UpsertAsync(fixture.Corpus.Select(a => new Doc { Id = a.Id, Body = a.Body }), ct);

        var function = Assert.Single(await fixture.Peer.DescribeAsync(database, docs.Name, ct));
        Assert.Equal(("sentence-transformers", "Embedding", "vector"), function);

        var official = await fixture.Peer.SearchAsync(database, docs.Name, TopTen.Queries, TopTen.K, "cosine", ct);
        var connector = new List<IReadOnlyList<string>>();
        foreach (var query in TopTen.Queries)
        {
            var hits = await docs.SearchAsync(query, TopTen.K, cancellationToken: ct).ToListAsync(ct);
            connector.Add(hits.Select(h => h.Record.Id).ToArray());
        }

        TopTen.AssertIdentical(TopTen.Queries, connector, official);
    }
}
