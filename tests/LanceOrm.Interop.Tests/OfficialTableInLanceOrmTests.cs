using LanceOrm.Interop.Tests.Support;

namespace LanceOrm.Interop.Tests;

/// <summary>
/// A table the official TypeScript client created with its own embedding function (<c>huggingface</c>, camelCase
/// metadata, nullable columns) opens in a LanceOrm repository and searches by text with the official client's top-10.
/// </summary>
/// <remarks>
/// Cosine distance on both sides: the stored vectors are the TS function's (mean over every token, padding of their
/// add() batch included, not normalised), so their lengths vary; LanceOrm's query vector is normalised and the TS one is
/// not. Cosine ignores lengths, so the rankings must agree; L2 would not.
/// </remarks>
public sealed class OfficialTableInLanceOrmTests(InteropFixture fixture)
{
    [Fact]
    public async Task A_table_the_official_client_created_is_opened_by_LanceOrm_and_searched_with_the_official_top_10()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InteropFixture.UniqueDatabase();
        using var db = await fixture.ConnectAsync(database);
        var articles = db.OfficialArticles();
        var rows = await fixture.Peer.CreateAsync(database, articles.TableName, RepositoryFiles.Corpus, fixture.Corpus.Count, ct);
        Assert.Equal(fixture.Corpus.Count, rows);

        await articles.OpenAsync(ct); // the schema check accepts the official client's schema and metadata
        var official = await fixture.Peer.SearchAsync(database, articles.TableName, TopTen.Queries, TopTen.K, "cosine", ct);
        var lanceOrm = new List<IReadOnlyList<string>>();
        foreach (var query in TopTen.Queries)
        {
            var hits = await articles.Search(x => x.Body, query).DistanceType(DistanceType.Cosine).Limit(TopTen.K).ToListAsync(ct);
            lanceOrm.Add(hits.Select(h => h.Entity.Id).ToArray());
        }

        TopTen.AssertIdentical(TopTen.Queries, lanceOrm, official);
        Assert.Equal(rows, await articles.CountAsync(cancellationToken: ct));
    }
}
