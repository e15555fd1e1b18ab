using LanceOrm.Embeddings;
using Microsoft.Extensions.DependencyInjection;

namespace LanceOrm.Tests.Unit;

public sealed class OptionsRegistryTests
{
    [Fact]
    public async Task Options_without_a_registry_and_their_connection_share_one_default_registry()
    {
        var options = new LanceDbOptions { Uri = "db://shared", HostOverride = new Uri("http://127.0.0.1:1") };

        using var db = await LanceDb.ConnectAsync(options, TestContext.Current.CancellationToken);

        Assert.Same(options.EmbeddingRegistry, db.EmbeddingRegistry);
        Assert.Contains("minilm", db.EmbeddingRegistry.Names);
    }

    [Fact]
    public void A_registry_set_in_the_AddLanceOrm_options_wins_over_the_container_registry()
    {
        var own = new EmbeddingRegistry(new EmbeddingRegistryOptions { RegisterBuiltIns = false });
        var services = new ServiceCollection();
        services.AddLanceOrm(o =>
        {
            o.Uri = "db://own-registry";
            o.HostOverride = new Uri("http://127.0.0.1:1");
            o.EmbeddingRegistry = own;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<LanceDbConnection>().EmbeddingRegistry);
        Assert.NotSame(own, provider.GetRequiredService<EmbeddingRegistry>());
    }

    [Fact]
    public async Task Calling_AddLanceOrm_twice_registers_one_connection_and_keeps_a_single_retry_layer()
    {
        var wire = new Always503Handler();
        var services = new ServiceCollection();
        services.AddLanceOrm(o =>
        {
            o.Uri = "db://twice";
            o.HostOverride = new Uri("http://127.0.0.1:1");
            o.Retry.BackoffFactor = 0.001;
            o.Retry.BackoffJitter = 0.001;
        }).HttpClient.AddHttpMessageHandler(() => wire);
        services.AddLanceOrm(o => o.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(
            () => provider.GetRequiredService<LanceDbConnection>().ListTablesAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(services, d => d.ServiceType == typeof(LanceDbConnection));
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, wire.Count);
    }

    private sealed class Always503Handler : DelegatingHandler
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
        }
    }
}
