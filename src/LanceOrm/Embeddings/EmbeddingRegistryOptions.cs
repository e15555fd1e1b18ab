using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>How an <see cref="EmbeddingRegistry"/> is built: built-ins, the shared cache and user functions.</summary>
public sealed class EmbeddingRegistryOptions
{
    /// <summary>Register the built-in <c>minilm</c> and <c>arctic-xs</c> text functions and the <c>resnet18</c> image function (default true). Their models load on first use.</summary>
    public bool RegisterBuiltIns { get; set; } = true;

    /// <summary>Settings of the built-in <c>minilm</c> generator (model directory, precision, execution provider, threads, batch size, download).</summary>
    public MiniLmOptions MiniLm { get; set; } = new();

    /// <summary>Settings of the built-in <c>arctic-xs</c> generator (model directory, precision, execution provider, threads, batch size).</summary>
    public ArcticXsOptions ArcticXs { get; set; } = new();

    /// <summary>Settings of the built-in image function <c>resnet18</c> (model directory, execution provider, threads, batch size).</summary>
    public ResNet18Options ResNet18 { get; set; } = new();

    /// <summary>Settings of the cache shared by every function of the registry.</summary>
    public EmbeddingCacheOptions Cache { get; set; } = new();

    /// <summary>User functions, added in order after the built-ins (a name may replace a built-in).</summary>
    public IList<EmbeddingFunctionRegistration> Functions { get; } = [];

    /// <summary>Adds a user function whose generator is created by <paramref name="factory"/> (given the DI container, if any).</summary>
    public EmbeddingRegistryOptions Add(
        string name,
        Func<IServiceProvider?, IEmbeddingGenerator<string, Embedding<float>>> factory,
        int dimensions,
        string? model = null,
        string version = "1",
        int maxBatchSize = EmbeddingFunction.DefaultMaxBatchSize,
        EmbeddingPrompts? prompts = null)
    {
        Functions.Add(new EmbeddingFunctionRegistration(name, factory, dimensions, model, version, maxBatchSize, prompts));
        return this;
    }
}

/// <summary>A user embedding function to register.</summary>
/// <param name="Name">The registry name (what <c>[Embed("...")]</c> refers to).</param>
/// <param name="Factory">Creates the generator (given the DI container, if any).</param>
/// <param name="Dimensions">The vector dimension.</param>
/// <param name="Model">The model identifier (defaults to the generator's model id, else the name).</param>
/// <param name="Version">Changes whenever the same text would embed differently (it is part of cache keys).</param>
/// <param name="MaxBatchSize">The most texts per generator call (one request of a remote endpoint).</param>
/// <param name="Prompts">Prefixes put before queries and documents (none by default).</param>
public sealed record EmbeddingFunctionRegistration(
    string Name,
    Func<IServiceProvider?, IEmbeddingGenerator<string, Embedding<float>>> Factory,
    int Dimensions,
    string? Model = null,
    string Version = "1",
    int MaxBatchSize = EmbeddingFunction.DefaultMaxBatchSize,
    EmbeddingPrompts? Prompts = null);
