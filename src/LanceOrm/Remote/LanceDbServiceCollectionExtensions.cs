using LanceOrm;
using LanceOrm.Embeddings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a LanceDB connection in a DI container, its HTTP client coming from <c>IHttpClientFactory</c>.</summary>
public static class LanceDbServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="LanceDbConnection"/> configured by <paramref name="configure"/>. Requests go through the
    /// named client <see cref="LanceDbOptions.HttpClientName"/> of <c>IHttpClientFactory</c> (returned, to add handlers to it),
    /// behind LanceOrm's headers and retry policy; the container's <see cref="ILoggerFactory"/> and
    /// <see cref="EmbeddingRegistry"/> are used unless the options set their own.
    /// </summary>
    public static IHttpClientBuilder AddLanceDb(this IServiceCollection services, Action<LanceDbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var probe = new LanceDbOptions();
        configure(probe);
        var builder = services.AddHttpClient(probe.HttpClientName);
        services.TryAddSingleton(sp =>
        {
            var options = new LanceDbOptions();
            configure(options);
            options.HttpClientFactory ??= sp.GetRequiredService<IHttpClientFactory>();
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            if (options.EmbeddingRegistry.Names.Count == 0 && sp.GetService<EmbeddingRegistry>() is { } registry)
            {
                options.EmbeddingRegistry = registry;
            }

            return new LanceDbConnection(options);
        });
        return builder;
    }
}
