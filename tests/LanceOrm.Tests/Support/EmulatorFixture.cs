using LanceOrm.Embeddings;
using LanceOrm.Testing;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(LanceOrm.Tests.Support.EmulatorFixture))]

namespace LanceOrm.Tests.Support;

/// <summary>One emulator for the whole test assembly (tables get unique names, so tests run in parallel).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-SECRET-0123456789abcdef";

    private LanceDbEmulator? _emulator;

    public LanceDbEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public async ValueTask InitializeAsync() =>
        _emulator = await LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = ApiKey }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public Task<LanceDbConnection> ConnectAsync(Action<LanceDbOptions>? configure = null, EmbeddingRegistry? registry = null, ILoggerFactory? logs = null, HttpMessageHandler? handler = null) =>
        Task.FromResult(Connect(Emulator, configure, registry, logs, handler));

    public static LanceDbConnection Connect(LanceDbEmulator emulator, Action<LanceDbOptions>? configure = null, EmbeddingRegistry? registry = null, ILoggerFactory? logs = null, HttpMessageHandler? handler = null)
    {
        var options = new LanceDbOptions
        {
            Uri = "db://" + UniqueDatabase(),
            ApiKey = ApiKey,
            HostOverride = emulator.Url,
            Retry = { BackoffFactor = 0.01, BackoffJitter = 0.01 },
        };
        configure?.Invoke(options);
        return new LanceDbConnection(options, registry ?? NewRegistry(), logs, handler);
    }

    public static EmbeddingRegistry NewRegistry() =>
        new EmbeddingRegistry().Register(HashingEmbeddingGenerator.Name, new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions), HashingEmbeddingGenerator.Dimensions);

    /// <summary>Each connection gets its own database, so generated repositories (fixed table names) never collide.</summary>
    public static string UniqueDatabase() => "t" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The generated repository over a fresh, created <c>notes</c> table of the connection's own database.</summary>
    public async Task<LanceRepository<Note, string>> NewTableAsync(LanceDbConnection connection, string prefix)
    {
        _ = prefix;
        var repository = connection.Notes();
        await repository.CreateTableAsync(CreateMode.Create, TestContext.Current.CancellationToken);
        return repository;
    }
}
