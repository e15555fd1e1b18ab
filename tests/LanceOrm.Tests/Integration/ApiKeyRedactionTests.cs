using LanceOrm.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Tests.Integration;

public sealed class ApiKeyRedactionTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrong_key_fails_with_UnauthorizedException_and_no_log_or_message_contains_the_key()
    {
        const string wrongKey = "sk-WRONG-key-that-must-never-leak-123";
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        using var db = await fixture.ConnectAsync(o => o.ApiKey = wrongKey, logs: loggerFactory);
        var repo = db.Notes();

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => repo.CreateTableAsync(CreateMode.Create, Ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.NotEmpty(provider.Lines);
        Assert.All(provider.Lines, line => Assert.DoesNotContain(wrongKey, line));
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.DoesNotContain(wrongKey, db.ToString());
    }

    [Fact]
    public async Task Logs_of_a_run_with_retries_and_a_final_failure_contain_request_ids_but_never_the_key()
    {
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var wire = new RecordingHandler { Fault = (path, _) => path.EndsWith("/query/") ? "status=503" : null };
        using var db = await fixture.ConnectAsync(logs: loggerFactory, handler: wire);
        var repo = await fixture.NewTableAsync(db, "logs");
        await repo.AddAsync([Note.Make(1)], cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => repo.Query().ToListAsync(Ct));

        var lines = provider.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("retrying", StringComparison.Ordinal) && l.Contains(error.RequestId!, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(EmulatorFixture.ApiKey, line));
        Assert.DoesNotContain(EmulatorFixture.ApiKey, error.ToString());
        Assert.DoesNotContain(EmulatorFixture.ApiKey, error.InnerException!.ToString());
    }
}
