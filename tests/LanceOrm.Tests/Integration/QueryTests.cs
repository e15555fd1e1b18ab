using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

public sealed class QueryTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Bodies = SearchCorpus.Bodies;

    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Repo)> SeededAsync(string prefix)
    {
        var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, prefix);
        await repo.AddAsync(Bodies.Select((b, i) => { var n = Note.Make(i, b); n.Title = b; return n; }), cancellationToken: Ct);
        return (db, repo);
    }

    [Fact]
    public async Task A_text_search_embeds_the_query_locally_and_returns_the_nearest_rows_first()
    {
        var (db, repo) = await SeededAsync("search");
        using var _ = db;

        var hits = await repo.Search(x => x.Body, "how do vector indexes work").Limit(3).ToListAsync(Ct);

        Assert.Equal(3, hits.Count);
        Assert.Equal(Bodies[0], hits[0].Entity.Body);
        Assert.Equal(0f, hits[0].Distance!.Value, 3);
        Assert.True(hits[0].Distance <= hits[1].Distance && hits[1].Distance <= hits[2].Distance);
    }

    [Fact]
    public async Task The_generated_repository_searches_its_embedded_property_and_reads_every_column_back()
    {
        using var db = await fixture.ConnectAsync();
        var notes = await fixture.NewTableAsync(db, "generated");
        var original = Note.Make(4, Bodies[2]);
        await notes.UpsertAsync([original, Note.Make(5, Bodies[4])], cancellationToken: Ct);

        var hit = (await ((NoteRepository)notes).SearchBody("neural network images").Limit(1).ToListAsync(Ct))[0].Entity;

        Assert.Equal(original.Id, hit.Id);
        Assert.Equal(original.Tags, hit.Tags);
        Assert.Equal(original.CreatedAt, hit.CreatedAt);
        Assert.Equal(original.Day, hit.Day);
        Assert.Equal(original.Rating, hit.Rating);
        Assert.Equal(original.Category, hit.Category);
        Assert.Equal(HashingEmbeddingGenerator.Embed(Bodies[2]), hit.Vector);
    }

    [Fact]
    public async Task A_vector_search_honours_filters_distance_type_and_offset()
    {
        var (db, repo) = await SeededAsync("vector");
        using var _ = db;
        var query = HashingEmbeddingGenerator.Embed(Bodies[3]);

        var all = await repo.Search(query).DistanceType(DistanceType.Cosine).NProbes(4).RefineFactor(2).ToListAsync(Ct);
        var filtered = await repo.Search(query).Where(x => x.Id != "n000003").Limit(2).ToListAsync(Ct);
        var offset = await repo.Search(query).DistanceType(DistanceType.Cosine).Offset(1).Limit(2).ToListAsync(Ct);
        var post = await repo.Search(query).Where(x => x.Published).Postfilter().Limit(6).ToListAsync(Ct);

        Assert.Equal("n000003", all[0].Entity.Id);
        Assert.InRange(all[0].Distance!.Value, -0.001f, 0.001f);
        Assert.DoesNotContain(filtered, h => h.Entity.Id == "n000003");
        Assert.Equal(2, filtered.Count);
        Assert.Equal(all.Skip(1).Take(2).Select(h => h.Entity.Id), offset.Select(h => h.Entity.Id));
        Assert.All(post, h => Assert.True(h.Entity.Published));
    }

    [Fact]
    public async Task Scans_stream_rows_with_limit_and_offset()
    {
        var (db, repo) = await SeededAsync("scan");
        using var _ = db;

        var streamed = new List<string>();
        await foreach (var hit in repo.Query().AsAsyncEnumerable(Ct))
        {
            streamed.Add(hit.Entity.Id);
        }

        var page = await repo.Query().Limit(2).Offset(2).ToListAsync(Ct);
        Assert.Equal(6, streamed.Count);
        Assert.Equal(2, page.Count);
    }

    [Fact]
    public async Task Full_text_and_hybrid_searches_use_the_FTS_index_and_fuse_by_reciprocal_rank()
    {
        var (db, repo) = await SeededAsync("fts");
        using var _ = db;
        await repo.CreateFullTextIndexAsync(x => x.Body, cancellationToken: Ct);

        var text = await repo.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct);
        var hybrid = await repo.HybridSearch(x => x.Body, "vector embeddings").Limit(3).ToListAsync(Ct);

        var only = Assert.Single(text);
        Assert.Equal(Bodies[1], only.Entity.Body);
        Assert.True(only.Score > 0);
        Assert.Equal(3, hybrid.Count);
        Assert.All(hybrid, h => Assert.NotNull(h.RelevanceScore));
        Assert.True(hybrid[0].RelevanceScore >= hybrid[1].RelevanceScore && hybrid[1].RelevanceScore >= hybrid[2].RelevanceScore);
        Assert.Equal(Bodies[3], hybrid[0].Entity.Body); // found by both the vector and the text search
    }

    [Fact]
    public async Task Vector_scalar_and_full_text_indices_are_created_and_listed()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "index");
        await repo.AddAsync(Enumerable.Range(0, 300).Select(i => Note.Make(i)), cancellationToken: Ct);

        await repo.CreateVectorIndexAsync(x => x.Body, new VectorIndexOptions { IndexType = VectorIndexType.IvfFlat, NumPartitions = 2, DistanceType = DistanceType.Cosine }, Ct);
        await repo.CreateScalarIndexAsync(x => x.Year, cancellationToken: Ct);
        await repo.CreateScalarIndexAsync(x => x.Category, ScalarIndexType.Bitmap, cancellationToken: Ct);
        await repo.CreateFullTextIndexAsync(x => x.Title, cancellationToken: Ct);
        var indices = await repo.ListIndicesAsync(Ct);

        Assert.Contains(indices, i => i.Columns.SequenceEqual(["vector"]));
        Assert.Contains(indices, i => i.Columns.SequenceEqual(["year"]));
        Assert.Contains(indices, i => i.Columns.SequenceEqual(["category"]));
        Assert.Contains(indices, i => i.Columns.SequenceEqual(["title"]));
        var hits = await repo.Search(x => x.Body, Note.Make(42).Body).Where(x => x.Year == Note.Make(42).Year).Limit(1).ToListAsync(Ct);
        Assert.Equal("n000042", Assert.Single(hits).Entity.Id);
    }

    [Fact]
    public async Task A_filter_the_server_rejects_surfaces_as_InvalidFilterException_with_the_request_id()
    {
        var (db, repo) = await SeededAsync("badfilter");
        using var _ = db;
        var query = repo.Query().WhereSql("`year` >>> 3");

        var error = await Assert.ThrowsAsync<InvalidFilterException>(() => query.ToListAsync(Ct));

        Assert.Equal("`year` >>> 3", error.Filter);
        Assert.NotNull(error.RequestId);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
    }
}
