using LanceOrm.Embeddings;
using Microsoft.Extensions.DependencyInjection;

namespace LanceOrm.Tests.Unit;

public sealed class OptionsRegistryTests
{
    [Fact]
    public void A_connection_given_no_registry_owns_one_with_the_built_in_functions()
    {
        using var db = new LanceDbConnection(new LanceDbOptions { Uri = "db://shared", HostOverride = new Uri("http://127.0.0.1:1") });

        Assert.Contains("minilm", db.Embeddings.Names);
    }

    [Fact]
    public void AddLanceOrm_runs_the_configure_callback_once_and_validates_the_options_when_the_connection_is_resolved()
    {
        var calls = 0;
        var services = new ServiceCollection();
        services.AddLanceOrm(o =>
        {
            calls++;
            o.Uri = "db://once";
            o.HostOverride = new Uri("http://127.0.0.1:1");
            o.WriteBatchSize = 0;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(0, calls);
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<LanceDbConnection>());
        Assert.Equal(1, calls);
        Assert.Contains("WriteBatchSize must be positive", error.Message);
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
