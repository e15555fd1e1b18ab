using System.Net;
using LanceOrm;
using LanceOrm.Embeddings;
using LanceOrm.Remote.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one DI entry point of LanceOrm.</summary>
public static class LanceOrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers LanceOrm:
    /// <list type="bullet">
    /// <item><see cref="LanceDbOptions"/> (configured by <paramref name="configure"/>; <c>IOptions</c>, so it can also be bound from configuration);</item>
    /// <item>the <see cref="EmbeddingRegistry"/> singleton (<see cref="LanceOrmBuilder.ConfigureEmbeddings"/>,
    /// <see cref="LanceOrmBuilder.AddEmbeddingFunction"/>), used by the connection unless the options set their own;</item>
    /// <item>the named <c>IHttpClientFactory</c> client <see cref="LanceDbOptions.HttpClientName"/>: a <see cref="SocketsHttpHandler"/>
    /// (connect timeout, gzip), the official retry policy as a <c>Microsoft.Extensions.Http.Resilience</c> handler
    /// (<see cref="LanceResilience"/>), then a per-attempt handler (read timeout, body buffering); logged header values redacted;</item>
    /// <item>the <see cref="LanceDbConnection"/> singleton sending through that client (headers added once per call, so
    /// every retry carries the same <c>x-request-id</c>; the connection adds no second retry layer) and logging through
    /// the container's <see cref="ILoggerFactory"/>.</item>
    /// </list>
    /// Repositories: <c>.AddGeneratedRepositories()</c> (generated per assembly) or <see cref="LanceOrmBuilder.AddRepository{TEntity, TRepository}"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="LanceDbOptions.Uri"/>, <see cref="LanceDbOptions.ApiKey"/>, <see cref="LanceDbOptions.HostOverride"/>, …</param>
    public static LanceOrmBuilder AddLanceOrm(this IServiceCollection services, Action<LanceDbOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var probe = new LanceDbOptions();
        configure(probe);
        var clientName = probe.HttpClientName;

        services.AddOptions<LanceDbOptions>().Configure(configure);
        services.AddLanceOrmEmbeddings();
        var http = services.AddHttpClient(clientName);
        if (services.Any(d => d.ServiceType == typeof(LanceOrmMarker)))
        {
            return new LanceOrmBuilder(services, http); // pipeline already built: never add a second retry layer
        }

        services.AddSingleton<LanceOrmMarker>();
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // per-attempt timeouts instead
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = LanceOptions(sp).ConnectTimeout,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(300),
                AutomaticDecompression = DecompressionMethods.GZip,
            })
            .RedactLoggedHeaders(static _ => true);
        http.AddResilienceHandler(LanceResilience.PipelineName, static (pipeline, context) =>
        {
            var options = LanceOptions(context.ServiceProvider);
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(LanceResilience)) ?? NullLogger.Instance;
            pipeline.AddRetry(LanceResilience.CreateRetryOptions(options.Retry, logger));
        });
        http.AddHttpMessageHandler(sp => new LanceAttemptHandler(LanceOptions(sp).ReadTimeout));

        services.TryAddSingleton(sp =>
        {
            var options = LanceOptions(sp).Clone(materializeRegistry: false);
            if (options.HttpClient is null && options.HttpClientFactory is null)
            {
                options.HttpClientFactory = sp.GetRequiredService<IHttpClientFactory>();
                options.RetriesInHttpClient = true;
            }

            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            if (!options.HasEmbeddingRegistry)
            {
                options.EmbeddingRegistry = sp.GetRequiredService<EmbeddingRegistry>();
            }

            return new LanceDbConnection(options);
        });
        return new LanceOrmBuilder(services, http);
    }

    private static LanceDbOptions LanceOptions(IServiceProvider services) => services.GetRequiredService<IOptions<LanceDbOptions>>().Value;

    /// <summary>Marks a collection whose LanceOrm client pipeline is registered.</summary>
    private sealed class LanceOrmMarker;
}
