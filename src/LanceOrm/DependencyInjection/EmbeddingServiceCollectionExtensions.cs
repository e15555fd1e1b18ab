using LanceOrm.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LanceOrm's embedding registry in a DI container.</summary>
internal static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="EmbeddingRegistry"/> built from <see cref="EmbeddingRegistryOptions"/>
    /// (configure built-ins, cache and user functions with <paramref name="configure"/>).
    /// </summary>
    public static IServiceCollection AddLanceOrmEmbeddings(this IServiceCollection services, Action<EmbeddingRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EmbeddingRegistryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => new EmbeddingRegistry(sp.GetRequiredService<IOptions<EmbeddingRegistryOptions>>(), sp));
        return services;
    }

    /// <summary>
    /// Registers a generator from the container under <paramref name="name"/>: for example
    /// <c>services.AddLanceOrmEmbeddingFunction("openai-small", sp => sp.GetRequiredService&lt;IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;&gt;(), 1536)</c>.
    /// </summary>
    public static IServiceCollection AddLanceOrmEmbeddingFunction(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory,
        int dimensions,
        string? model = null,
        string version = "1",
        int maxBatchSize = EmbeddingFunction.DefaultMaxBatchSize,
        EmbeddingPrompts? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddLanceOrmEmbeddings();
        services.Configure<EmbeddingRegistryOptions>(o => o.Add(
            name,
            sp => factory(sp ?? throw new InvalidOperationException($"Embedding function '{name}' needs the DI container.")),
            dimensions,
            model,
            version,
            maxBatchSize,
            prompts));
        return services;
    }
}
