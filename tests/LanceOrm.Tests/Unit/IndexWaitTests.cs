using System.Net;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LanceOrm.Tests.Unit;

/// <summary><c>WaitForIndexAsync</c> polls index list and stats once a second on the connection's clock (fake here).</summary>
public sealed class IndexWaitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Listed = """{"indexes":[{"index_name":"body_idx","columns":["body"],"index_type":"FTS"}]}""";

    private static (LanceDbConnection Db, IndexedDocRepository Docs) Connect(HttpMessageHandler network, TimeProvider time)
    {
        var options = new LanceDbOptions { Uri = "db://docs", ApiKey = "sk-test", HostOverride = new Uri("http://127.0.0.1:9") };
        var db = new LanceDbConnection(options, null, null, network, time);
        return (db, db.IndexedDocs());
    }

    /// <summary>Moves fake time a poll interval at a time until <paramref name="task"/> ends.</summary>
    private static async Task<Exception?> DriveAsync(Task task, FakeTimeProvider time)
    {
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }

        return task.Exception?.InnerException;
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Answer(Func<string, string> byPath) =>
        request => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(byPath(request.RequestUri!.AbsolutePath)) };

    [Fact]
    public async Task An_index_that_keeps_unindexed_rows_times_out_with_a_typed_error_after_the_given_time()
    {
        var time = new FakeTimeProvider();
        var network = new ScriptedHandler(Answer(path => path.EndsWith("/index/list/", StringComparison.Ordinal) ? Listed : """{"num_indexed_rows":10,"num_unindexed_rows":5,"index_type":"FTS"}"""));
        var (db, docs) = Connect(network, time);
        using var _ = db;
        var started = time.GetUtcNow();

        var error = await DriveAsync(docs.WaitForIndexAsync("body_idx", TimeSpan.FromSeconds(10), Ct), time);

        var timeout = Assert.IsType<IndexWaitTimeoutException>(error);
        Assert.Equal(["body_idx"], timeout.IndexNames);
        Assert.Equal(TimeSpan.FromSeconds(10), timeout.Timeout);
        Assert.Equal("indexed_docs", timeout.TableName);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(10));
        Assert.InRange(network.Seen.Count / 2, 2, 11); // one list and one stats per poll, at most one poll a second
    }

    [Fact]
    public async Task An_index_becomes_ready_when_it_is_listed_and_has_no_unindexed_rows()
    {
        var time = new FakeTimeProvider();
        var polls = 0;
        var network = new ScriptedHandler(Answer(path =>
        {
            if (path.EndsWith("/index/list/", StringComparison.Ordinal))
            {
                return ++polls < 3 ? """{"indexes":[]}""" : Listed;
            }

            return polls < 4 ? """{"num_indexed_rows":10,"num_unindexed_rows":5,"index_type":"FTS"}""" : """{"num_indexed_rows":15,"num_unindexed_rows":0,"index_type":"FTS"}""";
        }));
        var (db, docs) = Connect(network, time);
        using var _ = db;

        var error = await DriveAsync(docs.WaitForIndexAsync("body_idx", TimeSpan.FromHours(1), Ct), time);

        Assert.Null(error);
        Assert.Equal(4, polls);
        Assert.Equal(["/v1/table/indexed_docs/index/list/", "/v1/table/indexed_docs/index/list/", "/v1/table/indexed_docs/index/list/", "/v1/table/indexed_docs/index/body_idx/stats/", "/v1/table/indexed_docs/index/list/", "/v1/table/indexed_docs/index/body_idx/stats/"], network.Paths);
    }

    [Fact]
    public async Task A_missing_index_reads_as_not_ready_and_a_zero_timeout_checks_once()
    {
        var time = new FakeTimeProvider();
        var network = new ScriptedHandler(Answer(_ => """{"indexes":[]}"""));
        var (db, docs) = Connect(network, time);
        using var _ = db;

        var error = await Assert.ThrowsAsync<IndexWaitTimeoutException>(() => docs.WaitForIndexAsync("body_idx", TimeSpan.Zero, Ct));

        Assert.Single(network.Seen);
        Assert.Contains("'body_idx'", error.Message);
        Assert.Contains("WaitForIndexAsync", error.Message);
    }

    [Fact]
    public async Task A_wait_longer_than_the_official_two_hours_is_refused()
    {
        var (db, docs) = Connect(new ScriptedHandler(Answer(_ => "{}")), new FakeTimeProvider());
        using var _ = db;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => docs.WaitForIndexAsync("body_idx", TimeSpan.FromHours(3), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => docs.CreateDeclaredIndicesAsync(TimeSpan.FromSeconds(-1), Ct));
    }
}
