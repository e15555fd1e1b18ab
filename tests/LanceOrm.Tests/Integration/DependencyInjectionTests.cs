using LanceOrm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LanceOrm.Tests.Integration;

public sealed class DependencyInjectionTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task AddLanceOrm_registers_a_connection_that_sends_through_the_factory_client()
    {
        var ct = TestContext.Current.CancellationToken;
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanceOrm(o =>
            {
                o.Uri = "db://" + EmulatorFixture.UniqueDatabase();
                o.ApiKey = EmulatorFixture.ApiKey;
                o.HostOverride = fixture.Emulator.Url;
            })
            .ConfigureEmbeddings(e => e.RegisterBuiltIns = false)
            .AddEmbeddingFunction(HashingEmbeddingGenerator.Name, _ => new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions), HashingEmbeddingGenerator.Dimensions)
            .HttpClient.AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        var db = provider.GetRequiredService<LanceDbConnection>();
        var notes = db.Notes();
        await notes.CreateTableAsync(CreateMode.Create, ct);
        await notes.AddAsync([Note.Make(1)], cancellationToken: ct);

        Assert.Equal(1, await notes.CountAsync(cancellationToken: ct));
        Assert.Same(db, provider.GetRequiredService<LanceDbConnection>());
        Assert.Equal(3, counter.Count);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
