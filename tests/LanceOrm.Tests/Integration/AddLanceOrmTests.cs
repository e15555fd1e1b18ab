using System.Collections.Concurrent;
using System.Net;
using LanceOrm.Embeddings;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Tests.Integration;

/// <summary><c>services.AddLanceOrm(...)</c>: the one DI entry point, against the emulator.</summary>
public sealed class AddLanceOrmTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Build(DelegatingHandler? wire = null, ILoggerProvider? logs = null, string apiKey = EmulatorFixture.ApiKey, Action<LanceDbOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        var lance = services
            .AddLanceOrm(o =>
            {
                o.Uri = "db://" + EmulatorFixture.UniqueDatabase();
                o.ApiKey = apiKey;
                o.HostOverride = fixture.Emulator.Url;
                o.Retry.BackoffFactor = 0.01;
                o.Retry.BackoffJitter = 0.01;
                configure?.Invoke(o);
            })
            .ConfigureEmbeddings(e => e.RegisterBuiltIns = false)
            .AddEmbeddingFunction(HashingEmbeddingGenerator.Name, _ => new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions), HashingEmbeddingGenerator.Dimensions)
            .AddGeneratedRepositories();
        if (wire is not null)
        {
            lance.HttpClient.AddHttpMessageHandler(() => wire); // innermost: sees every attempt
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task AddLanceOrm_registers_the_connection_the_embedding_registry_and_the_generated_repositories_as_singletons()
    {
        await using var provider = Build();

        var connection = provider.GetRequiredService<LanceDbConnection>();
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);
        await notes.AddAsync([Note.Make(1), Note.Make(2), Note.Make(3)], cancellationToken: Ct);
        var hits = await notes.SearchBody(Note.Make(2).Body).Limit(1).ToListAsync(Ct);

        Assert.Same(connection, provider.GetRequiredService<LanceDbConnection>());
        Assert.Same(notes, provider.GetRequiredService<NoteRepository>());
        Assert.Same(connection, notes.Connection);
        Assert.Same(provider.GetRequiredService<EmbeddingRegistry>(), connection.Embeddings);
        Assert.Equal([HashingEmbeddingGenerator.Name], connection.Embeddings.Names);
        Assert.Equal(Note.Make(2).Id, Assert.Single(hits).Entity.Id);
    }

    [Fact]
    public async Task A_throttled_query_is_retried_by_the_resilience_handler_with_the_same_request_id_and_succeeds()
    {
        var wire = new FaultInjectingHandler((path, attempt) => path.EndsWith("/query/", StringComparison.Ordinal) && attempt <= 2 ? HttpStatusCode.TooManyRequests : null);
        await using var provider = Build(wire);
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);
        await notes.AddAsync([Note.Make(1)], cancellationToken: Ct);

        var hits = await notes.Query().ToListAsync(Ct);

        Assert.Single(hits);
        var queries = wire.Attempts.Where(a => a.Path.EndsWith("/query/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, queries.Length);
        Assert.Single(queries.Select(q => q.RequestId).Distinct());
        Assert.NotNull(queries[0].RequestId);
    }

    [Fact]
    public async Task A_query_that_always_fails_with_503_gets_exactly_three_attempts_in_total_so_the_retry_layer_is_not_doubled()
    {
        var wire = new FaultInjectingHandler((path, _) => path.EndsWith("/query/", StringComparison.Ordinal) ? HttpStatusCode.ServiceUnavailable : null);
        await using var provider = Build(wire);
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => notes.Query().ToListAsync(Ct));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, wire.Attempts.Count(a => a.Path.EndsWith("/query/", StringComparison.Ordinal)));
        Assert.IsType<ServerErrorException>(error.InnerException);
    }

    [Fact]
    public async Task Create_table_is_never_retried_through_the_DI_pipeline()
    {
        var wire = new FaultInjectingHandler((path, _) => path.EndsWith("/create/", StringComparison.Ordinal) ? HttpStatusCode.ServiceUnavailable : null);
        await using var provider = Build(wire);
        var notes = provider.GetRequiredService<NoteRepository>();

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => notes.CreateTableAsync(CreateMode.Create, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(1, wire.Attempts.Count(a => a.Path.EndsWith("/create/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_add_whose_first_merge_insert_attempt_fails_is_retried_and_writes_every_row_exactly_once()
    {
        var wire = new FaultInjectingHandler((path, attempt) => path.EndsWith("/merge_insert/", StringComparison.Ordinal) && attempt == 1 ? HttpStatusCode.BadGateway : null);
        await using var provider = Build(wire);
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);

        var result = await notes.AddAsync(Enumerable.Range(1, 20).Select(i => Note.Make(i)), cancellationToken: Ct);

        Assert.Equal(20, result.RowsSent);
        Assert.Equal(20, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(2, wire.Attempts.Count(a => a.Path.EndsWith("/merge_insert/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logs_of_the_DI_pipeline_at_trace_level_carry_request_ids_and_never_the_API_key()
    {
        var logs = new CapturingLoggerProvider();
        var wire = new FaultInjectingHandler((path, _) => path.EndsWith("/query/", StringComparison.Ordinal) ? HttpStatusCode.ServiceUnavailable : null);
        await using var provider = Build(wire, logs);
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);
        await notes.AddAsync([Note.Make(1)], cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => notes.Query().ToListAsync(Ct));

        var lines = logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("retrying", StringComparison.Ordinal) && l.Contains(error.RequestId!, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("System.Net.Http.HttpClient.LanceOrm", StringComparison.Ordinal)); // the factory's own handler logs ran
        Assert.All(lines, line => Assert.DoesNotContain(EmulatorFixture.ApiKey, line));
        Assert.DoesNotContain(EmulatorFixture.ApiKey, error.ToString());
        Assert.DoesNotContain(EmulatorFixture.ApiKey, provider.GetRequiredService<LanceDbConnection>().ToString());
    }

    [Fact]
    public async Task A_wrong_key_through_DI_fails_with_UnauthorizedException_and_no_log_contains_it()
    {
        const string wrongKey = "sk-WRONG-di-key-that-must-never-leak-456";
        var logs = new CapturingLoggerProvider();
        await using var provider = Build(logs: logs, apiKey: wrongKey);
        var notes = provider.GetRequiredService<NoteRepository>();

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => notes.CreateTableAsync(CreateMode.Create, Ct));

        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(wrongKey, line));
        Assert.DoesNotContain(wrongKey, error.ToString());
    }

    [Fact]
    public async Task A_write_applied_before_the_connection_was_reset_is_retried_through_DI_and_leaves_each_row_exactly_once()
    {
        var wire = new EmulatorFaultHandler((path, attempt) => path.EndsWith("/merge_insert/", StringComparison.Ordinal) && attempt == 1 ? "after-write=reset" : null);
        await using var provider = Build(wire);
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);

        await notes.AddAsync(Enumerable.Range(1, 50).Select(i => Note.Make(i)), cancellationToken: Ct);

        Assert.Equal(50, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(2, wire.Attempts.Count(a => a.EndsWith("/merge_insert/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_attempt_slower_than_the_read_timeout_is_abandoned_and_retried_through_DI()
    {
        var wire = new EmulatorFaultHandler((path, attempt) => path.EndsWith("/query/", StringComparison.Ordinal) && attempt == 1 ? "delay=3000" : null);
        await using var provider = Build(wire, configure: o => o.ReadTimeout = TimeSpan.FromMilliseconds(500));
        var notes = provider.GetRequiredService<NoteRepository>();
        await notes.CreateTableAsync(CreateMode.Create, Ct);
        await notes.AddAsync([Note.Make(1)], cancellationToken: Ct);

        var hits = await notes.Query().ToListAsync(Ct);

        Assert.Single(hits);
        Assert.Equal(2, wire.Attempts.Count(a => a.EndsWith("/query/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_connection_through_DI_is_tried_three_times_then_reported_as_RetryLimitExceeded()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var wire = new FaultInjectingHandler((_, _) => null);
        await using var provider = Build(wire, configure: o => o.HostOverride = new Uri($"http://127.0.0.1:{port}"));
        var notes = provider.GetRequiredService<NoteRepository>();

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => notes.CountAsync(cancellationToken: Ct));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, wire.Attempts.Count);
        Assert.IsType<ServerErrorException>(error.InnerException);
    }

    /// <summary>Asks the emulator (x-emulator-fault) for a fault on chosen attempts, recording each attempt's path.</summary>
    private sealed class EmulatorFaultHandler(Func<string, int, string?> fault) : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, int> _attemptsByRequest = new();

        public ConcurrentQueue<string> Attempts { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Attempts.Enqueue(path);
            var id = request.Headers.TryGetValues("x-request-id", out var ids) ? ids.First() : path;
            request.Headers.Remove("x-emulator-fault");
            if (fault(path, _attemptsByRequest.AddOrUpdate(id, 1, (_, n) => n + 1)) is { } header)
            {
                request.Headers.TryAddWithoutValidation("x-emulator-fault", header);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Records every attempt (path, x-request-id) and answers chosen ones with a status instead of the server.</summary>
    private sealed class FaultInjectingHandler(Func<string, int, HttpStatusCode?> fault) : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, int> _attemptsByRequest = new();

        public ConcurrentQueue<(string Path, string? RequestId)> Attempts { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var id = request.Headers.TryGetValues("x-request-id", out var ids) ? ids.First() : null;
            Attempts.Enqueue((path, id));
            var attempt = _attemptsByRequest.AddOrUpdate(id ?? path, 1, (_, n) => n + 1);
            if (fault(path, attempt) is { } status)
            {
                return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("injected fault") });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
