using LanceOrm;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a LanceDB connection in a DI container (kept for compatibility: prefer <c>AddLanceOrm</c>).</summary>
public static class LanceDbServiceCollectionExtensions
{
    /// <summary>
    /// <c>services.AddLanceOrm(configure).HttpClient</c>: a singleton <see cref="LanceDbConnection"/> over the named
    /// <c>IHttpClientFactory</c> client (returned, to add handlers to it), which carries the retry policy.
    /// </summary>
    public static IHttpClientBuilder AddLanceDb(this IServiceCollection services, Action<LanceDbOptions> configure) =>
        services.AddLanceOrm(configure).HttpClient;
}
