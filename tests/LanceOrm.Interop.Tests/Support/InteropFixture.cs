using LanceOrm.Embeddings.TestSupport;
using System.Text.Json;
using LanceOrm.Embeddings;
using LanceOrm.Testing;

[assembly: AssemblyFixture(typeof(LanceOrm.Interop.Tests.Support.InteropFixture))]

namespace LanceOrm.Interop.Tests.Support;

/// <summary>
/// One emulator, one real all-MiniLM-L6-v2 (resolved by LanceOrm, shared with the official client) and the corpus,
/// for the whole assembly. The model is required: when it cannot be resolved, every test fails with LanceOrm's
/// <see cref="ModelNotFoundException"/>, which lists each place looked and how to fix it.
/// </summary>
public sealed class InteropFixture : IAsyncLifetime
{
    public const string ApiKey = "interop-key";

    private readonly string _modelRoot = Path.Combine(Path.GetTempPath(), "lanceorm-interop-models-" + Guid.NewGuid().ToString("N"));
    private LanceDbEmulator? _emulator;
    private EmbeddingRegistry? _registry;
    private OfficialClientPeer? _peer;

    /// <summary>The official TypeScript client.</summary>
    public OfficialClientPeer Peer => _peer ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The 300 paragraphs of <c>samples/Quickstart/Data/articles.jsonl</c>.</summary>
    public IReadOnlyList<InteropArticle> Corpus { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var model = await new ModelResolver(new MiniLmOptions()).ResolveAsync(ct);
        _registry = new EmbeddingRegistry(new EmbeddingRegistryOptions
        {
            MiniLm = { ModelDirectory = model.Directory },
            ResNet18 = { ModelDirectory = SharedModelFiles.ResNet18Directory, CacheDirectory = Path.Combine(Path.GetTempPath(), "lanceorm-test-models") },
        });

        if (!Directory.Exists(Path.Combine(RepositoryFiles.PeerDirectory, "node_modules")))
        {
            await NodeProcess.RunAsync("npm", RepositoryFiles.PeerDirectory, ["ci", "--no-audit", "--no-fund"], ct);
        }

        var emulator = LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { ApiKey = ApiKey }, ct);
        TransformersModelRoot.Create(_modelRoot, model);
        _emulator = await emulator;
        _peer = new OfficialClientPeer(_emulator.Url, ApiKey, _modelRoot);
        Corpus = await LoadCorpusAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _registry?.Dispose();
        if (Directory.Exists(_modelRoot))
        {
            Directory.Delete(_modelRoot, recursive: true);
        }
    }

    /// <summary>A LanceOrm connection to a database of its own (so fixed table names never collide) embedding with the real model.</summary>
    public Task<LanceDbConnection> ConnectAsync(string database) =>
        Task.FromResult(new LanceDbConnection(
            new LanceDbOptions
            {
                Uri = "db://" + database,
                ApiKey = ApiKey,
                HostOverride = _emulator!.Url,
            },
            _registry!));

    public static string UniqueDatabase() => "interop" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<IReadOnlyList<InteropArticle>> LoadCorpusAsync(CancellationToken cancellationToken)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var rows = new List<InteropArticle>();
        foreach (var line in await File.ReadAllLinesAsync(RepositoryFiles.Corpus, cancellationToken))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                rows.Add(JsonSerializer.Deserialize<InteropArticle>(line, options)!);
            }
        }

        return rows;
    }
}
