using System.Text;
using System.Text.Json;
using LanceOrm.Protocol;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>Indices declared on the entity ([VectorIndex], [ScalarIndex], [FullTextIndex]) and the one call that creates them.</summary>
public sealed class DeclaredIndexTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly string[] Bodies = SearchCorpus.Bodies;

    private async Task<(LanceDbConnection Db, IndexedDocRepository Docs)> SeededAsync()
    {
        var db = await fixture.ConnectAsync();
        var docs = db.IndexedDocs();
        await docs.CreateTableAsync(cancellationToken: Ct);
        var rows = Enumerable.Range(0, 40).Select(i => IndexedDoc.Make(i, i < Bodies.Length ? Bodies[i] : $"filler row {i} about nothing much"));
        await docs.AddAsync(rows, cancellationToken: Ct);
        return (db, docs);
    }

    [Fact]
    public async Task A_vector_index_on_a_property_without_embed_is_refused_naming_what_to_pass_instead()
    {
        using var db = await fixture.ConnectAsync();
        var notes = db.Notes();

        var error = Assert.Throws<ArgumentException>(() => { _ = notes.CreateVectorIndexAsync(x => x.Title, cancellationToken: Ct); });

        Assert.Contains("Property 'Title' of Note has no [Embed] attribute; only embedded properties can be indexed by their vector column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_call_creates_every_declared_index_and_full_text_and_hybrid_search_answer_after_it()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;

        var created = await docs.CreateDeclaredIndicesAsync(Wait, Ct);
        var indices = await docs.ListIndicesAsync(Ct);
        var text = await docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct);
        var phrase = await docs.FullTextSearch("\"neural network\"", x => x.Body).ToListAsync(Ct);
        var hybrid = await docs.HybridSearch(x => x.Body, "vector embeddings").Limit(3).ToListAsync(Ct);

        Assert.Equal(["vector_idx", "body_idx", "year_idx", "category_bitmap", "tags_idx"], created);
        Assert.Equal(
            ["body:FTS", "category:BITMAP", "tags:LABEL_LIST", "vector:IVF_FLAT", "year:BTREE"],
            indices.Select(i => $"{string.Join(",", i.Columns)}:{i.IndexType}").Order(StringComparer.Ordinal));
        Assert.Equal(Bodies[1], Assert.Single(text).Entity.Body);
        Assert.Equal(Bodies[2], Assert.Single(phrase).Entity.Body); // WithPosition = true makes phrase queries work
        Assert.Equal(3, hybrid.Count);
        Assert.Equal(Bodies[3], hybrid[0].Entity.Body);
    }

    [Fact]
    public async Task Calling_it_again_creates_nothing_and_keeps_the_indices()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;
        await docs.CreateDeclaredIndicesAsync(Wait, Ct);
        var before = await docs.ListIndicesAsync(Ct);

        var second = await docs.CreateDeclaredIndicesAsync(Wait, Ct);
        var after = await docs.ListIndicesAsync(Ct);

        Assert.Empty(second);
        Assert.Equal(before.Select(i => i.Name).Order(StringComparer.Ordinal), after.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_index_already_on_the_column_under_another_name_counts_as_declared()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;
        await docs.CreateFullTextIndexAsync(x => x.Body, name: "my_fts", cancellationToken: Ct);

        var created = await docs.CreateDeclaredIndicesAsync(Wait, Ct);

        Assert.DoesNotContain("body_idx", created);
        Assert.Single(await docs.ListIndicesAsync(Ct), i => i.IndexType == "FTS");
    }

    [Fact]
    public async Task Full_text_and_hybrid_search_without_the_index_fail_with_a_typed_error_naming_the_call()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;

        var text = await Assert.ThrowsAsync<IndexNotFoundException>(() => docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct));
        var hybrid = await Assert.ThrowsAsync<IndexNotFoundException>(() => docs.HybridSearch(x => x.Body, "sourdough").ToListAsync(Ct));
        var anyColumn = await Assert.ThrowsAsync<IndexNotFoundException>(() => docs.FullTextSearch("sourdough").ToListAsync(Ct));

        Assert.Equal(["body"], text.Columns);
        Assert.Equal("indexed_docs", text.TableName);
        Assert.Equal(
            "Full-text search on table 'indexed_docs' failed: full-text search needs a full-text index on column 'body', and the table has none. "
            + "Declare [FullTextIndex] on property 'Body' and call CreateDeclaredIndicesAsync() once (it waits until the index is ready), or create it with CreateFullTextIndexAsync().",
            text.Message);
        Assert.StartsWith("Hybrid search on table 'indexed_docs' failed: full-text search needs a full-text index on column 'body'", hybrid.Message);
        Assert.Contains("CreateDeclaredIndicesAsync()", anyColumn.Message);
    }

    [Fact]
    public async Task The_same_repository_searches_once_the_named_call_has_created_the_index()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;
        await Assert.ThrowsAsync<IndexNotFoundException>(() => docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct));

        await docs.CreateDeclaredIndicesAsync(Wait, Ct);
        var hits = await docs.FullTextSearch("sourdough", x => x.Body).ToListAsync(Ct);

        Assert.Equal(Bodies[1], Assert.Single(hits).Entity.Body);
    }

    [Fact]
    public async Task The_engines_refusal_of_a_full_text_query_without_any_index_maps_to_the_same_typed_error()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;
        var query = new QueryRequest { K = 10, FullTextQuery = JsonSerializer.SerializeToElement(new LegacyFullTextQuery([], "sourdough"), ProtocolJsonContext.Default.LegacyFullTextQuery) };

        var error = await Assert.ThrowsAsync<IndexNotFoundException>(async () =>
        {
            await foreach (var batch in db.Remote.Table(docs.TableName).QueryAsync(query, Ct))
            {
                batch.Dispose();
            }
        });

        Assert.StartsWith("Query on table 'indexed_docs' failed: full-text search needs a full-text index", error.Message);
        Assert.Contains("INVERTED index", error.ServerMessage);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
    }

    [Fact]
    public async Task Waiting_for_a_ready_index_returns_at_once_and_for_a_missing_one_times_out_with_a_typed_error()
    {
        var (db, docs) = await SeededAsync();
        using var _ = db;
        await docs.CreateDeclaredIndicesAsync(Wait, Ct);

        await docs.WaitForIndexAsync("body_idx", TimeSpan.Zero, Ct);
        var error = await Assert.ThrowsAsync<IndexWaitTimeoutException>(() => docs.WaitForIndexAsync("no_such_idx", TimeSpan.FromMilliseconds(200), Ct));

        Assert.Equal(["no_such_idx"], error.IndexNames);
        Assert.Equal("indexed_docs", error.TableName);
        Assert.StartsWith("Index 'no_such_idx' of table 'indexed_docs' was not ready after 0.2 s", error.Message);
    }

    [Fact]
    public async Task A_declared_index_the_engine_refuses_fails_with_the_engines_reason_without_source_paths()
    {
        using var db = await fixture.ConnectAsync();
        var docs = db.IndexedDocs();
        await docs.CreateTableAsync(cancellationToken: Ct);
        await docs.AddAsync([IndexedDoc.Make(0, "only one row")], cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => docs.CreateDeclaredIndicesAsync(Wait, Ct));

        Assert.StartsWith("Create index on table 'indexed_docs' was rejected by the server (HTTP 400): ", error.Message);
        Assert.DoesNotContain(".rs:", error.Message);
        Assert.DoesNotContain("Caused by", error.Message);
        Assert.Contains(".rs:", error.ServerMessage);
        Assert.True(CountOf(error.ToString(), "KMeans") == 1, error.ToString());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
