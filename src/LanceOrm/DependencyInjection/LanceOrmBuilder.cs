using LanceOrm;
using LanceOrm.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="LanceOrmServiceCollectionExtensions.AddLanceOrm"/>: adds embedding functions and repositories,
/// and exposes the <c>IHttpClientFactory</c> client to add handlers to. The source generator adds
/// <c>AddGeneratedRepositories()</c> (every repository generated in the calling assembly) to this builder.
/// </summary>
public sealed class LanceOrmBuilder
{
    internal LanceOrmBuilder(IServiceCollection services, IHttpClientBuilder httpClient)
    {
        Services = services;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The named <c>IHttpClientFactory</c> client the connection sends through, below its retry policy: add handlers
    /// (each sees every attempt), or change the primary handler.
    /// </summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>Configures the container's <see cref="EmbeddingRegistry"/> (built-ins, MiniLM model folder, cache, user functions).</summary>
    public LanceOrmBuilder ConfigureEmbeddings(Action<EmbeddingRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Registers an application-defined embedding function (any Microsoft.Extensions.AI generator) under the name that
    /// <c>[Embed("name")]</c> and <c>[assembly: EmbeddingFunction("name", dimensions)]</c> use.
    /// </summary>
    /// <param name="name">The function name.</param>
    /// <param name="factory">Creates the generator from the container.</param>
    /// <param name="dimensions">The vector dimension.</param>
    /// <param name="model">The model identifier (defaults to the generator's model id, else the name).</param>
    /// <param name="version">Changes whenever the same text would embed differently (part of cache keys).</param>
    /// <param name="maxBatchSize">The most texts per generator call (one request of a remote endpoint).</param>
    /// <param name="prompts">Prefixes put before queries and documents (none by default).</param>
    public LanceOrmBuilder AddEmbeddingFunction(
        string name,
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory,
        int dimensions,
        string? model = null,
        string version = "1",
        int maxBatchSize = EmbeddingFunction.DefaultMaxBatchSize,
        EmbeddingPrompts? prompts = null)
    {
        Services.AddLanceOrmEmbeddingFunction(name, factory, dimensions, model, version, maxBatchSize, prompts);
        return this;
    }

    /// <summary>
    /// Registers a repository as a singleton over the container's <see cref="LanceDbConnection"/> (repositories are
    /// thread-safe and cache their schema check). Called by the generated <c>AddGeneratedRepositories()</c>.
    /// </summary>
    /// <typeparam name="TRepository">The generated repository type.</typeparam>
    /// <param name="factory">Creates the repository over the connection.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public LanceOrmBuilder AddRepository<TRepository>(Func<LanceDbConnection, TRepository> factory)
        where TRepository : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.TryAddSingleton(sp => factory(sp.GetRequiredService<LanceDbConnection>()));
        return this;
    }
}
