using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using VectorData.ConformanceTests;

namespace LanceOrm.VectorData.ConformanceTests;

// Two delegate shapes per registration method: (1) a LanceDbConnection registered in the container (built from
// configuration) and the connection-less overload, which takes it from there; (2) a connectionProvider reading
// configuration. The connection points at a closed port: these tests only resolve services, nothing is sent.
public class LanceDbDependencyInjectionTests
    : DependencyInjectionTests<LanceDbVectorStore, LanceDbCollection<string, DependencyInjectionTests<string>.Record>, string, DependencyInjectionTests<string>.Record>
{
    private const string Section = "LanceDb";

    protected override void PopulateConfiguration(ConfigurationManager configuration, object? serviceKey = null)
        => configuration.AddInMemoryCollection(
        [
            new(CreateConfigKey(Section, serviceKey, "Uri"), "db://di-tests"),
            new(CreateConfigKey(Section, serviceKey, "ApiKey"), "sk-di-tests"),
            new(CreateConfigKey(Section, serviceKey, "HostOverride"), "http://127.0.0.1:1"),
        ]);

    private static LanceDbConnection ConnectionFromConfiguration(IServiceProvider sp, object? serviceKey)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        string Read(string name) => configuration.GetRequiredSection(CreateConfigKey(Section, serviceKey, name)).Value!;
        return new LanceDbConnection(new LanceDbOptions
        {
            Uri = Read("Uri"),
            ApiKey = Read("ApiKey"),
            HostOverride = new Uri(Read("HostOverride")),
        });
    }

    /// <summary>Shape (1): registers the connection after the connector's call, so its own argument checks run first.</summary>
    private static IServiceCollection WithRegisteredConnection(IServiceCollection services, object? serviceKey)
        => services.AddSingleton(sp => ConnectionFromConfiguration(sp, serviceKey));

    public override IEnumerable<Func<IServiceCollection, object?, ServiceLifetime, IServiceCollection>> StoreDelegates
    {
        get
        {
            yield return (services, serviceKey, lifetime) => WithRegisteredConnection(
                serviceKey is null
                    ? services.AddLanceDbVectorStore(lifetime: lifetime)
                    : services.AddKeyedLanceDbVectorStore(serviceKey, lifetime: lifetime),
                serviceKey);

            yield return (services, serviceKey, lifetime) => serviceKey is null
                ? services.AddLanceDbVectorStore(sp => ConnectionFromConfiguration(sp, null), lifetime: lifetime)
                : services.AddKeyedLanceDbVectorStore(serviceKey, sp => ConnectionFromConfiguration(sp, serviceKey), lifetime: lifetime);
        }
    }

    public override IEnumerable<Func<IServiceCollection, object?, string, ServiceLifetime, IServiceCollection>> CollectionDelegates
    {
        get
        {
            yield return (services, serviceKey, name, lifetime) => WithRegisteredConnection(
                serviceKey is null
                    ? services.AddLanceDbCollection<string, Record>(name, lifetime: lifetime)
                    : services.AddKeyedLanceDbCollection<string, Record>(serviceKey, name, lifetime: lifetime),
                serviceKey);

            yield return (services, serviceKey, name, lifetime) => serviceKey is null
                ? services.AddLanceDbCollection<string, Record>(name, sp => ConnectionFromConfiguration(sp, null), lifetime: lifetime)
                : services.AddKeyedLanceDbCollection<string, Record>(serviceKey, name, sp => ConnectionFromConfiguration(sp, serviceKey), lifetime: lifetime);
        }
    }

    [Fact]
    public void Connectionless_overloads_use_the_connection_registered_by_AddLanceOrm()
    {
        IServiceCollection services = new ServiceCollection();
        services.AddLanceOrm(o =>
        {
            o.Uri = "db://di-tests";
            o.ApiKey = "sk-di-tests";
            o.HostOverride = new Uri("http://127.0.0.1:1");
        });
        services.AddLanceDbVectorStore();
        services.AddLanceDbCollection<string, Record>("records");

        using var provider = services.BuildServiceProvider();

        Assert.IsType<LanceDbVectorStore>(provider.GetRequiredService<VectorStore>());
        Assert.IsType<LanceDbCollection<string, Record>>(provider.GetRequiredService<VectorStoreCollection<string, Record>>());
    }
}
