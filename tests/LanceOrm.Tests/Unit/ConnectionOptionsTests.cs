using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

public sealed class ConnectionOptionsTests
{
    private const string Key = "sk-live-VERY-SECRET-KEY-42";

    [Fact]
    public void Plain_http_to_a_non_loopback_host_is_refused_unless_allowed()
    {
        var options = new LanceDbOptions { Uri = "db://prod", ApiKey = Key, HostOverride = new Uri("http://lancedb.internal:8080") };

        var error = Assert.Throws<ArgumentException>(() => new LanceDbConnection(options));
        Assert.Contains("lancedb.internal", error.Message);
        Assert.DoesNotContain(Key, error.Message);

        options.AllowInsecureHttp = true;
        using var allowed = new LanceDbConnection(options);
        Assert.Equal(new Uri("http://lancedb.internal:8080"), allowed.Endpoint);
    }

    [Fact]
    public void Plain_http_to_loopback_is_allowed()
    {
        using var db = new LanceDbConnection(new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") });
        Assert.Equal("dev", db.Database);
    }

    [Fact]
    public void Without_an_override_the_cloud_host_is_derived_from_database_and_region()
    {
        using var db = new LanceDbConnection(new LanceDbOptions { Uri = "db://my-db/team/a", ApiKey = Key, Region = "eu-west-1" });
        Assert.Equal(new Uri("https://my-db.eu-west-1.api.lancedb.com"), db.Endpoint);
        Assert.Equal("team/a", db.DatabasePrefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://x")]
    [InlineData("db://")]
    public void Invalid_uris_are_rejected_with_a_clear_error(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => new LanceDbConnection(new LanceDbOptions { Uri = uri }));
        Assert.Contains("db://", error.Message);
    }

    [Fact]
    public void The_api_key_never_appears_in_ToString_of_options_connection_or_repository()
    {
        var options = new LanceDbOptions { Uri = "db://dev", ApiKey = Key, HostOverride = new Uri("http://127.0.0.1:1") };
        using var db = new LanceDbConnection(options);
        var repo = db.Notes();

        foreach (var text in new[] { options.ToString(), db.ToString(), repo.ToString(), repo.Query().ToString() })
        {
            Assert.DoesNotContain(Key, text);
        }

        Assert.Contains("***", options.ToString());
    }

    [Fact]
    public void Table_names_follow_the_official_rule()
    {
        var options = new LanceDbOptions { Uri = "db://dev", HostOverride = new Uri("http://127.0.0.1:1") };
        using var db = new LanceDbConnection(options);
        var error = Assert.Throws<ArgumentException>(() => new MapRepository<Note>(db, new RenamedMap<Note>(Note.LanceMap, "bad/name")));
        Assert.Contains("bad/name", error.Message);
    }
}
