using LanceOrm;
using LanceOrm.Embeddings;
using LanceOrm.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one DI entry point of LanceOrm.</summary>
public static class LanceOrmServiceCollectionExtensions
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client LanceOrm sends through (configure it through <see cref="LanceOrmBuilder.HttpClient"/>).</summary>
    internal const string HttpClientName = "LanceOrm";

    /// <summary>
    /// Registers LanceOrm:
    /// <list type="bullet">
    /// <item><see cref="LanceDbOptions"/> (configured by <paramref name="configure"/>; <c>IOptions</c>, so it can also be
    /// bound from configuration; validated when the connection is first resolved);</item>
    /// <item>the <see cref="EmbeddingRegistry"/> singleton (<see cref="LanceOrmBuilder.ConfigureEmbeddings"/>,
    /// <see cref="LanceOrmBuilder.AddEmbeddingFunction"/>);</item>
    /// <item>the named <c>IHttpClientFactory</c> client <c>"LanceOrm"</c>, whose handlers
    /// (<see cref="LanceOrmBuilder.HttpClient"/>) sit below LanceOrm's retry policy and so see every attempt;</item>
    /// <item>the <see cref="LanceDbConnection"/> singleton: the same HTTP pipeline as without DI (headers, the official
    /// retry policy, per-attempt timeouts) in front of that client's handlers, logging through the container's
    /// <see cref="ILoggerFactory"/>.</item>
    /// </list>
    /// Repositories: <c>.AddGeneratedRepositories()</c> (generated per assembly).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="LanceDbOptions.Uri"/>, <see cref="LanceDbOptions.ApiKey"/>, <see cref="LanceDbOptions.HostOverride"/>, …</param>
    public static LanceOrmBuilder AddLanceOrm(this IServiceCollection services, Action<LanceDbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LanceDbOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LanceDbOptions>>(LanceDbOptionsValidator.Instance));
        services.AddLanceOrmEmbeddings();
        var http = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpPipeline.CreateSocketsHandler(sp.GetRequiredService<IOptions<LanceDbOptions>>().Value.ConnectTimeout))
            .RedactLoggedHeaders(static _ => true);
        services.TryAddSingleton(sp => new LanceDbConnection(
            sp.GetRequiredService<IOptions<LanceDbOptions>>().Value,
            sp.GetRequiredService<EmbeddingRegistry>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName)));
        return new LanceOrmBuilder(services, http);
    }
}
