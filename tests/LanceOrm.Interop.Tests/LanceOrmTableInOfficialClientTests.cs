using LanceOrm.Interop.Tests.Support;

namespace LanceOrm.Interop.Tests;

/// <summary>
/// A table LanceOrm created and filled is a normal LanceDB table for the official TypeScript client: it finds the
/// embedding function in the schema metadata, embeds text with it, and ranks like LanceOrm.
/// </summary>
/// <remarks>
/// Rankings are compared with cosine distance on both sides. LanceDB's TS <c>huggingface</c> function mean-pools over
/// every token, padding included, and does not L2-normalise; LanceOrm (like Python sentence-transformers) masks padding
/// and normalises. A query is embedded alone (no padding), so the two query vectors point the same way but differ in
/// length: cosine ranking is identical, while L2 or dot ranking would depend on those lengths.
/// </remarks>
public sealed class LanceOrmTableInOfficialClientTests(InteropFixture fixture)
{
    [Fact]
    public async Task The_official_client_embeds_queries_with_the_function_named_in_a_LanceOrm_table_and_gets_LanceOrms_top_10()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var articles = db.InteropArticles();
        await articles.CreateTableAsync(CreateMode.Create, ct);
        var written = await articles.AddAsync(fixture.Corpus, cancellationToken: ct);
        Assert.Equal(fixture.Corpus.Count, written.RowsInserted);

        var official = await fixture.Peer.SearchAsync(database, articles.TableName, TopTen.Queries, TopTen.K, "cosine", ct);
        var lanceOrm = new List<IReadOnlyList<string>>();
        foreach (var query in TopTen.Queries)
        {
            var hits = await articles.Search(x => x.Body, query).DistanceType(DistanceType.Cosine).Limit(TopTen.K).Select(x => x.Id).ToListAsync(ct);
            lanceOrm.Add(hits.Select(h => h.Entity).ToArray());
        }

        TopTen.AssertIdentical(TopTen.Queries, lanceOrm, official);
    }

    [Fact]
    public async Task The_official_client_reads_both_columns_of_the_embedding_metadata_LanceOrm_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var articles = db.InteropArticles();
        await articles.CreateTableAsync(CreateMode.Create, ct);

        var function = Assert.Single(await fixture.Peer.DescribeAsync(database, articles.TableName, ct));

        Assert.Equal(("sentence-transformers", "body", "vector"), function);
    }

    [Fact]
    public async Task The_official_client_adds_rows_to_a_LanceOrm_table_embedding_them_itself_with_the_same_model()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var articles = db.InteropArticles();
        await articles.CreateTableAsync(CreateMode.Create, ct);
        var existing = fixture.Corpus.Take(24).ToArray();
        await articles.AddAsync(existing, cancellationToken: ct);
        InteropArticle[] added =
        [
            new() { Id = "node-1", Title = "Tide Pools at Low Water", Category = "travel", Year = 2025, Tags = ["coast", "wildlife"],
                    Body = "At low tide the rock shelves turn into a maze of shallow pools where anemones close up, crabs hide under weed and small fish wait for the sea to return." },
            new() { Id = "node-2", Title = "Tuning a Garbage Collector", Category = "programming", Year = 2024, Tags = ["runtime"],
                    Body = "Shorter pauses usually cost throughput: a generational collector that promotes fewer objects and sizes its nursery to the allocation rate keeps both in balance." },
            new() { Id = "node-3", Title = "Why Choirs Warm Up", Category = "music", Year = 2023, Tags = ["voice"],
                    Body = "Humming, lip trills and slow sirens loosen the larynx and bring breathing and pitch together before a rehearsal asks singers for loud, high or long phrases." },
        ];

        var count = await fixture.Peer.AddAsync(database, articles.TableName,
            added.Select(a => new { id = a.Id, title = a.Title, body = a.Body, category = a.Category, year = a.Year, tags = a.Tags }).ToArray(), ct);

        Assert.Equal(existing.Length + added.Length, count);
        Assert.Equal(count, await articles.CountAsync(cancellationToken: ct));
        foreach (var row in added)
        {
            var stored = await articles.GetAsync(row.Id, ct);
            Assert.NotNull(stored);
            Assert.Equal((row.Title, row.Body, row.Category, row.Year), (stored.Title, stored.Body, stored.Category, stored.Year));
            Assert.Equal(row.Tags, stored.Tags);

            // The vector the official client computed points where LanceOrm's embedding of the same text points.
            var nearest = Assert.Single(await articles.Search(x => x.Body, row.Body).DistanceType(DistanceType.Cosine).Limit(1).ToListAsync(ct));
            Assert.Equal(row.Id, nearest.Entity.Id);
            Assert.InRange(nearest.Distance!.Value, -1e-4f, 1e-4f);
        }
    }
}
