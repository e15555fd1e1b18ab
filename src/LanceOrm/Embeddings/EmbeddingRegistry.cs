using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LanceOrm.Embeddings;

/// <summary>
/// Embedding functions by name (case-sensitive). Thread-safe. Knows <c>minilm</c> (sentence-transformers/all-MiniLM-L6-v2,
/// 384 dimensions) and <c>arctic-xs</c> (Snowflake/snowflake-arctic-embed-xs, 384 dimensions, query prefix) out of the
/// box, each loaded on first use; any Microsoft.Extensions.AI generator — local or remote — can be registered under a
/// name of its own. All functions share one <see cref="EmbeddingCache"/>.
/// </summary>
public sealed class EmbeddingRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, EmbeddingFunction> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImageEmbeddingFunction> _imageFunctions = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];

    /// <summary>Creates a registry with the built-in functions and a default in-memory cache.</summary>
    public EmbeddingRegistry()
        : this(new EmbeddingRegistryOptions())
    {
    }

    /// <summary>Creates a registry from DI options.</summary>
    public EmbeddingRegistry(IOptions<EmbeddingRegistryOptions> options, IServiceProvider? services = null)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), services)
    {
    }

    /// <summary>
    /// Creates a registry from <paramref name="options"/>; user factories receive <paramref name="services"/>, and the
    /// built-in models log through its <see cref="ILoggerFactory"/>, if it has one.
    /// </summary>
    public EmbeddingRegistry(EmbeddingRegistryOptions options, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Cache = new EmbeddingCache(options.Cache);
        if (options.RegisterBuiltIns)
        {
            var loggerFactory = services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
            var miniLm = new MiniLmEmbeddingGenerator(options.MiniLm, loggerFactory);
            _owned.Add(miniLm);
            Register(new EmbeddingFunction(
                BuiltInEmbeddingFunctions.InPrecision(BuiltInEmbeddingFunctions.MiniLmIdentity, options.MiniLm.Precision),
                BuiltInEmbeddingFunctions.MiniLmDimensions, miniLm, Cache));

            var arcticXs = new ArcticXsEmbeddingGenerator(options.ArcticXs, loggerFactory);
            _owned.Add(arcticXs);
            Register(new EmbeddingFunction(
                BuiltInEmbeddingFunctions.InPrecision(BuiltInEmbeddingFunctions.ArcticXsIdentity, options.ArcticXs.Precision),
                BuiltInEmbeddingFunctions.ArcticXsDimensions, arcticXs, Cache, new EmbeddingPrompts(Query: BuiltInEmbeddingFunctions.ArcticQueryPrefix)));

            var resNet18 = new ResNet18EmbeddingGenerator(options.ResNet18, loggerFactory);
            _owned.Add(resNet18);
            Register(new ImageEmbeddingFunction(BuiltInEmbeddingFunctions.ResNet18Identity, BuiltInEmbeddingFunctions.ResNet18Dimensions, resNet18, Cache));
        }

        foreach (var registration in options.Functions)
        {
            Register(registration.Name, registration.Factory(services), registration.Dimensions, registration.Model, registration.Version, registration.MaxBatchSize, registration.Prompts);
        }
    }

    /// <summary>The cache shared by the functions this registry creates.</summary>
    public EmbeddingCache Cache { get; }

    /// <summary>
    /// The function an entity property is embedded with, checked against the column's declared dimension: the error
    /// names the property, the function and what is registered.
    /// </summary>
    internal EmbeddingFunction Resolve(string functionName, int dimensions, string property, string vectorColumn)
    {
        if (!TryGet(functionName, out var function))
        {
            throw new InvalidOperationException(
                $"Property '{property}' is embedded with function '{functionName}', which is not registered in the connection's embedding registry. Registered: {string.Join(", ", Names.Order())}.");
        }

        if (function.Dimensions != dimensions)
        {
            throw new InvalidOperationException(
                $"Embedding function '{functionName}' produces {function.Dimensions} dimensions; column '{vectorColumn}' is declared with {dimensions}.");
        }

        return function;
    }

    /// <summary>Registers (or replaces) a function.</summary>
    public EmbeddingRegistry Register(EmbeddingFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
        _imageFunctions.TryRemove(function.Name, out _);
        return this;
    }

    /// <summary>Adds or replaces the image function of that name (a text function of the same name is removed).</summary>
    /// <returns>This registry.</returns>
    public EmbeddingRegistry Register(ImageEmbeddingFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _imageFunctions[function.Name] = function;
        _functions.TryRemove(function.Name, out _);
        return this;
    }

    /// <summary>The image function of that name.</summary>
    /// <exception cref="KeyNotFoundException">No image function has that name.</exception>
    public ImageEmbeddingFunction GetImage(string name)
    {
        if (_imageFunctions.TryGetValue(name, out var function))
        {
            return function;
        }

        throw new KeyNotFoundException($"No image embedding function named '{name}' is registered. Registered image functions: {string.Join(", ", _imageFunctions.Keys.Order())}.");
    }

    /// <summary>The image function of that name, if registered.</summary>
    public bool TryGetImage(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ImageEmbeddingFunction? function) =>
        _imageFunctions.TryGetValue(name, out function);

    /// <summary>
    /// The image function of an <c>[Embed]</c> image property, checked against what the generated mapping declares.
    /// </summary>
    /// <exception cref="InvalidOperationException">No image function has that name (a text one may), or its dimension differs.</exception>
    internal ImageEmbeddingFunction ResolveImage(string functionName, int dimensions, string property, string vectorColumn)
    {
        if (!_imageFunctions.TryGetValue(functionName, out var function))
        {
            var text = _functions.ContainsKey(functionName) ? $" '{functionName}' embeds text, not images." : "";
            throw new InvalidOperationException(
                $"Property '{property}' is an image embedded with function '{functionName}', which is not registered as an image function in the connection's embedding registry.{text} Registered image functions: {string.Join(", ", _imageFunctions.Keys.Order())}.");
        }

        if (function.Dimensions != dimensions)
        {
            throw new InvalidOperationException(
                $"Embedding function '{functionName}' produces {function.Dimensions} dimensions; column '{vectorColumn}' is declared with {dimensions}.");
        }

        return function;
    }

    /// <summary>
    /// Registers any Microsoft.Extensions.AI generator (a local model, or a remote endpoint such as an OpenAI-compatible
    /// one) under a name of the application's own, so <c>[Embed("name")]</c> properties are embedded by it, through the
    /// shared cache and in calls of at most <paramref name="maxBatchSize"/> texts. Registering again under the same name
    /// replaces the function: vectors already stored stay those of the old one (re-embed them with
    /// <c>ReembedAsync</c>).
    /// </summary>
    /// <param name="name">The name <c>[Embed("name")]</c> refers to.</param>
    /// <param name="generator">The generator (stays the caller's to dispose).</param>
    /// <param name="dimensions">The dimension of its vectors (a vector of another size is an <see cref="EmbeddingDimensionMismatchException"/>).</param>
    /// <param name="model">The model identifier, part of cache keys; defaults to the generator's own model id (its <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/>), else the name.</param>
    /// <param name="version">Change it whenever the same text would embed differently under the same model id (it is part of cache keys).</param>
    /// <param name="maxBatchSize">The most texts per generator call (one request of a remote endpoint).</param>
    /// <param name="prompts">Prefixes put before queries and documents (none by default).</param>
    public EmbeddingRegistry Register(
        string name,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        int dimensions,
        string? model = null,
        string version = "1",
        int maxBatchSize = EmbeddingFunction.DefaultMaxBatchSize,
        EmbeddingPrompts? prompts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(generator);
        model ??= generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? name;
        var identity = new EmbeddingFunctionIdentity(name, model, version, name, "{}");
        return Register(new EmbeddingFunction(identity, dimensions, generator, Cache, prompts ?? EmbeddingPrompts.None) { MaxBatchSize = maxBatchSize });
    }

    /// <summary>Gets a function by name.</summary>
    /// <exception cref="KeyNotFoundException">No function has that name; the message lists the registered names.</exception>
    public EmbeddingFunction Get(string name)
    {
        if (_functions.TryGetValue(name, out var function))
        {
            return function;
        }

        throw new KeyNotFoundException($"No embedding function named '{name}' is registered. Registered: {string.Join(", ", _functions.Keys.Order())}.");
    }

    /// <summary>Tries to get a function by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmbeddingFunction? function) =>
        _functions.TryGetValue(name, out function);

    /// <summary>The registered names, of text and image functions.</summary>
    public IReadOnlyCollection<string> Names => _functions.Keys.Concat(_imageFunctions.Keys).ToArray();

    /// <summary>Disposes the generators this registry created (the built-in model sessions); user generators stay the caller's.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
