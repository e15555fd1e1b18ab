using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Interop.Tests.Support;

namespace LanceOrm.Interop.Tests;

/// <summary>
/// A LanceOrm table with an image column stays an ordinary LanceDB table for the official TypeScript client: it opens
/// it, counts it, vector-searches the image vectors (ranking like LanceOrm's search by example), and still parses the
/// table's embedding metadata, because the image function (unknown to it) is listed under a key of LanceOrm's own.
/// </summary>
public sealed class ImageTableInOfficialClientTests(InteropFixture fixture)
{
    [Fact]
    public async Task The_official_client_opens_counts_and_vector_searches_a_table_with_an_image_column_like_LanceOrm()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var products = db.InteropProducts();
        await products.CreateTableAsync(CreateMode.Create, ct);
        var rows = Enumerable.Range(0, TestImages.SceneCount)
            .Select(s => new InteropProduct { Id = $"p{s}", Description = $"product photo number {s}", Photo = TestImages.SceneJpeg(s) })
            .ToArray();
        await products.AddAsync(rows, cancellationToken: ct);
        var example = TestImages.Reencoded(TestImages.Cropped(TestImages.SceneJpeg(2), 0.05), 60);
        var queryVector = new float[512];
        await db.Embeddings.GetImage("resnet18").EmbedAsync([example], queryVector, ct);

        var official = await fixture.Peer.VectorSearchAsync(database, products.TableName, "photo_vector", queryVector, 5, ct);
        var lanceOrm = await products.Search(x => x.Photo, example).DistanceType(DistanceType.Cosine).Limit(5).ToListAsync(ct);

        Assert.Equal(rows.Length, official.Rows);
        Assert.Equal(["embedding_functions", "lanceorm_embedding_functions"], official.MetadataKeys);
        Assert.Equal("p2", official.Ids[0]);
        Assert.Equal(lanceOrm.Select(h => h.Entity.Id), official.Ids);
    }

    [Fact]
    public async Task The_official_client_parses_the_embedding_metadata_of_a_table_with_an_image_column()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var products = db.InteropProducts();
        await products.CreateTableAsync(CreateMode.Create, ct);

        var function = Assert.Single(await fixture.Peer.DescribeAsync(database, products.TableName, ct));

        Assert.Equal(("sentence-transformers", "description", "description_vector"), function);
    }
}
