using System.Text;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>What goes on the wire matches the official client (protocol doc §2, §5, §6).</summary>
public sealed class WireProtocolTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(LanceDbConnection Db, RecordingHandler Wire)> ConnectRecordedAsync(Action<LanceDbOptions>? configure = null)
    {
        var wire = new RecordingHandler();
        var db = await fixture.ConnectAsync(configure, handler: wire);
        return (db, wire);
    }

    [Fact]
    public async Task Every_request_carries_key_database_user_agent_and_a_uuid_request_id_on_trailing_slash_paths()
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        var repo = await fixture.NewTableAsync(db, "wire");
        await repo.OpenAsync(Ct);
        await repo.AddAsync([Note.Make(1)], cancellationToken: Ct);
        await repo.CountAsync(cancellationToken: Ct);
        await repo.Query().ToListAsync(Ct);

        var requests = wire.Requests.ToArray();
        Assert.All(requests, r =>
        {
            Assert.Equal(EmulatorFixture.ApiKey, r.Headers["x-api-key"]);
            Assert.Equal(db.Database, r.Headers["x-lancedb-database"]);
            Assert.Equal($"LanceOrm-DotNet-Client/{LanceDbConnection.ClientVersion}", r.Headers["user-agent"]);
            Assert.True(Guid.TryParse(r.Headers["x-request-id"], out var _));
            Assert.EndsWith("/", r.Path);
            Assert.DoesNotContain(EmulatorFixture.ApiKey, r.Path + r.Query);
        });
        Assert.Equal(requests.Length, requests.Select(r => r.Headers["x-request-id"]).Distinct().Count());

        var create = requests.Single(r => r.Path.EndsWith("/create/"));
        Assert.Equal("?mode=create", create.Query);
        Assert.Equal("application/vnd.apache.arrow.stream", create.ContentType);
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF], create.Body![..4]); // IPC stream continuation marker

        var describe = requests.Single(r => r.Path.EndsWith("/describe/"));
        Assert.Null(describe.Body);

        var merge = requests.Single(r => r.Path.EndsWith("/merge_insert/"));
        Assert.Equal("?on=id&when_matched_update_all=false&when_not_matched_insert_all=true&when_not_matched_by_source_delete=false", merge.Query);
        Assert.Equal("application/vnd.apache.arrow.stream", merge.ContentType);

        var count = requests.Single(r => r.Path.EndsWith("/count_rows/"));
        Assert.Equal("application/json", count.ContentType);
        Assert.Equal("{\"version\":null}", Encoding.UTF8.GetString(count.Body!));
    }

    [Fact]
    public async Task Reads_after_a_write_carry_the_written_version_as_the_official_client_does()
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        var repo = await fixture.NewTableAsync(db, "ryw");
        await repo.CountAsync(cancellationToken: Ct);
        var written = await repo.AddAsync([Note.Make(1), Note.Make(2)], cancellationToken: Ct);

        // A second repository of the same table on the same connection reads its writes too.
        await db.Notes().CountAsync(cancellationToken: Ct);
        await repo.Query().ToListAsync(Ct);

        var requests = wire.Requests.ToArray();
        Assert.True(written.Version > 0);
        Assert.False(requests.First(r => r.Path.EndsWith("/count_rows/")).Headers.ContainsKey("x-lancedb-min-version"));
        Assert.False(requests.Single(r => r.Path.EndsWith("/merge_insert/")).Headers.ContainsKey("x-lancedb-min-version"));
        var expected = written.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, requests.Last(r => r.Path.EndsWith("/count_rows/")).Headers["x-lancedb-min-version"]);
        Assert.Equal(expected, requests.Last(r => r.Path.EndsWith("/query/")).Headers["x-lancedb-min-version"]);

        // Versions a read reported (x-lancedb-version) go out as x-lancedb-min-read-version on later reads.
        var firstRead = long.Parse(requests.Last(r => r.Path.EndsWith("/count_rows/")).Headers["x-lancedb-min-read-version"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(firstRead, 1, written.Version);
        Assert.Equal(expected, requests.Last(r => r.Path.EndsWith("/query/")).Headers["x-lancedb-min-read-version"]);
    }

    [Fact]
    public async Task A_retried_call_keeps_its_request_id_on_every_attempt()
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        var repo = await fixture.NewTableAsync(db, "retryid");
        wire.Fault = (path, attempt) => path.EndsWith("/count_rows/") && attempt <= 2 ? (attempt == 1 ? "status=503" : "reset") : null;

        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));

        var attempts = wire.Requests.Where(r => r.Path.EndsWith("/count_rows/")).ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.Single(attempts.Select(a => a.Headers["x-request-id"]).Distinct());
    }

    [Theory]
    [InlineData("after-write=503")]
    [InlineData("after-write=reset")]
    [InlineData("status=429;retry-after=1")]
    public async Task A_write_whose_response_is_lost_is_replayed_without_duplicating_rows(string fault)
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        var repo = await fixture.NewTableAsync(db, "replay");
        wire.Fault = (path, attempt) => path.EndsWith("/merge_insert/") && attempt == 1 ? fault : null;

        await repo.AddAsync(Enumerable.Range(0, 50).Select(i => Note.Make(i)), cancellationToken: Ct);
        await repo.UpsertAsync(Enumerable.Range(25, 50).Select(i => Note.Make(i)), cancellationToken: Ct);

        Assert.Equal(2, wire.Requests.Count(r => r.Path.EndsWith("/merge_insert/") && r.Attempt == 2));
        Assert.Equal(75, await repo.CountAsync(cancellationToken: Ct));
        var ids = (await repo.Query().Select(x => x.Id).ToListAsync(Ct)).Select(h => h.Entity).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task Exhausted_retries_raise_the_retry_limit_error_carrying_the_typed_last_failure()
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        var repo = await fixture.NewTableAsync(db, "exhaust");
        wire.Fault = (path, _) => path.EndsWith("/count_rows/") ? "status=429" : null;

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => repo.CountAsync(cancellationToken: Ct));

        Assert.Equal(3, error.Attempts);
        Assert.IsType<ThrottledException>(error.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(wire.Requests.Last(r => r.Path.EndsWith("/count_rows/")).Headers["x-request-id"], error.RequestId);
    }

    [Fact]
    public async Task Table_creation_is_not_retried()
    {
        var (db, wire) = await ConnectRecordedAsync();
        using var ownedDb = db;
        wire.Fault = (path, _) => path.EndsWith("/create/") ? "status=503" : null;
        var repo = db.Notes();

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => repo.CreateTableAsync(CreateMode.Create, Ct));

        Assert.IsNotType<RetryLimitExceededException>(error);
        Assert.Single(wire.Requests, r => r.Path.EndsWith("/create/"));
    }
}
