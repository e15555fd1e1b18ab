using System.Diagnostics.CodeAnalysis;
using LanceOrm;
using LanceOrm.VectorData;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LanceDB's <see cref="VectorStore"/> and collections, like the other Microsoft.Extensions.VectorData connectors.</summary>
public static class LanceDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="LanceDbVectorStore"/> as itself and as <see cref="VectorStore"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionProvider">The connection; by default the <see cref="LanceDbConnection"/> of the container (for example registered by <c>AddLanceOrm</c>).</param>
    /// <param name="optionsProvider">The options; by default <see cref="LanceDbVectorStoreOptions"/> from the container, else the container's <see cref="IEmbeddingGenerator"/> (if any) as embedding generator.</param>
    /// <param name="lifetime">The lifetime of the store.</param>
    public static IServiceCollection AddLanceDbVectorStore(
        this IServiceCollection services,
        Func<IServiceProvider, LanceDbConnection>? connectionProvider = null,
        Func<IServiceProvider, LanceDbVectorStoreOptions>? optionsProvider = null,
        ServiceLifetime lifetime = ServiceLifetime.Singleton) =>
        AddKeyedLanceDbVectorStore(services, serviceKey: null, connectionProvider, optionsProvider, lifetime);

    /// <summary>Registers a keyed <see cref="LanceDbVectorStore"/> as itself and as <see cref="VectorStore"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key (null: not keyed).</param>
    /// <param name="connectionProvider">The connection; by default the <see cref="LanceDbConnection"/> of the container.</param>
    /// <param name="optionsProvider">The options; by default from the container, else its <see cref="IEmbeddingGenerator"/> as generator.</param>
    /// <param name="lifetime">The lifetime of the store.</param>
    public static IServiceCollection AddKeyedLanceDbVectorStore(
        this IServiceCollection services,
        object? serviceKey,
        Func<IServiceProvider, LanceDbConnection>? connectionProvider = null,
        Func<IServiceProvider, LanceDbVectorStoreOptions>? optionsProvider = null,
        ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Add(new ServiceDescriptor(typeof(LanceDbVectorStore), serviceKey, (sp, _) =>
            new LanceDbVectorStore(
                Connection(sp, connectionProvider),
                optionsProvider?.Invoke(sp) ?? sp.GetService<LanceDbVectorStoreOptions>() ?? new LanceDbVectorStoreOptions { EmbeddingGenerator = sp.GetService<IEmbeddingGenerator>() }),
            lifetime));
        services.Add(new ServiceDescriptor(typeof(VectorStore), serviceKey, static (sp, key) => sp.GetRequiredKeyedService<LanceDbVectorStore>(key), lifetime));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="LanceDbCollection{TKey, TRecord}"/> as itself, <see cref="VectorStoreCollection{TKey, TRecord}"/>,
    /// <see cref="IVectorSearchable{TRecord}"/> and <see cref="IKeywordHybridSearchable{TRecord}"/>.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The table name.</param>
    /// <param name="connectionProvider">The connection; by default the <see cref="LanceDbConnection"/> of the container.</param>
    /// <param name="optionsProvider">The options; by default <see cref="LanceDbCollectionOptions"/> from the container, else the container's <see cref="IEmbeddingGenerator"/> (if any) as embedding generator.</param>
    /// <param name="lifetime">The lifetime of the collection.</param>
    [RequiresUnreferencedCode("The record type's properties are found by reflection.")]
    [RequiresDynamicCode("The record type's properties are accessed through reflection.")]
    public static IServiceCollection AddLanceDbCollection<TKey, TRecord>(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, LanceDbConnection>? connectionProvider = null,
        Func<IServiceProvider, LanceDbCollectionOptions>? optionsProvider = null,
        ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TKey : notnull
        where TRecord : class =>
        AddKeyedLanceDbCollection<TKey, TRecord>(services, serviceKey: null, name, connectionProvider, optionsProvider, lifetime);

    /// <summary>Registers a keyed <see cref="LanceDbCollection{TKey, TRecord}"/> and its abstractions.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key (null: not keyed).</param>
    /// <param name="name">The table name.</param>
    /// <param name="connectionProvider">The connection; by default the <see cref="LanceDbConnection"/> of the container.</param>
    /// <param name="optionsProvider">The options; by default from the container, else its <see cref="IEmbeddingGenerator"/> as generator.</param>
    /// <param name="lifetime">The lifetime of the collection.</param>
    [RequiresUnreferencedCode("The record type's properties are found by reflection.")]
    [RequiresDynamicCode("The record type's properties are accessed through reflection.")]
    public static IServiceCollection AddKeyedLanceDbCollection<TKey, TRecord>(
        this IServiceCollection services,
        object? serviceKey,
        string name,
        Func<IServiceProvider, LanceDbConnection>? connectionProvider = null,
        Func<IServiceProvider, LanceDbCollectionOptions>? optionsProvider = null,
        ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TKey : notnull
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.Add(new ServiceDescriptor(typeof(LanceDbCollection<TKey, TRecord>), serviceKey, (sp, _) =>
            new LanceDbCollection<TKey, TRecord>(
                Connection(sp, connectionProvider),
                name,
                optionsProvider?.Invoke(sp) ?? sp.GetService<LanceDbCollectionOptions>() ?? new LanceDbCollectionOptions { EmbeddingGenerator = sp.GetService<IEmbeddingGenerator>() }),
            lifetime));
        services.Add(new ServiceDescriptor(typeof(VectorStoreCollection<TKey, TRecord>), serviceKey, static (sp, key) => sp.GetRequiredKeyedService<LanceDbCollection<TKey, TRecord>>(key), lifetime));
        services.Add(new ServiceDescriptor(typeof(IVectorSearchable<TRecord>), serviceKey, static (sp, key) => sp.GetRequiredKeyedService<LanceDbCollection<TKey, TRecord>>(key), lifetime));
        services.Add(new ServiceDescriptor(typeof(IKeywordHybridSearchable<TRecord>), serviceKey, static (sp, key) => sp.GetRequiredKeyedService<LanceDbCollection<TKey, TRecord>>(key), lifetime));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="LanceDbVectorStore"/> over the connection of <c>AddLanceOrm</c>, with the registry's
    /// embedding function <paramref name="embeddingFunction"/> (for example <c>"minilm"</c>, the built-in local
    /// all-MiniLM-L6-v2) as the embedding generator, or none: <c>services.AddLanceOrm(o =&gt; ...).AddVectorStore("minilm")</c>.
    /// </summary>
    /// <param name="builder">The LanceOrm builder.</param>
    /// <param name="embeddingFunction">The registry name of the embedding function that embeds text on upsert and search, or null for none.</param>
    /// <param name="lifetime">The lifetime of the store.</param>
    public static LanceOrmBuilder AddVectorStore(this LanceOrmBuilder builder, string? embeddingFunction = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLanceDbVectorStore(
            optionsProvider: embeddingFunction is null
                ? null
                : sp => new LanceDbVectorStoreOptions { EmbeddingGenerator = sp.GetRequiredService<LanceDbConnection>().Embeddings.Get(embeddingFunction).AsEmbeddingGenerator() },
            lifetime: lifetime);
        return builder;
    }

    private static LanceDbConnection Connection(IServiceProvider services, Func<IServiceProvider, LanceDbConnection>? provider) =>
        provider?.Invoke(services) ?? services.GetRequiredService<LanceDbConnection>();
}
