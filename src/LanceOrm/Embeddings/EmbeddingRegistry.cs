using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace LanceOrm.Embeddings;

/// <summary>Embedding functions by name (case-sensitive). Thread-safe.</summary>
public sealed class EmbeddingRegistry
{
    private readonly ConcurrentDictionary<string, EmbeddingFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) a function.</summary>
    public EmbeddingRegistry Register(EmbeddingFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
        return this;
    }

    /// <summary>Registers any Microsoft.Extensions.AI generator under a name of the application's own.</summary>
    public EmbeddingRegistry Register(string name, IEmbeddingGenerator<string, Embedding<float>> generator, int dimensions, string? model = null, string version = "1")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var identity = new EmbeddingFunctionIdentity(name, model ?? name, version, name, "{}");
        return Register(new EmbeddingFunction(identity, dimensions, generator));
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

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _functions.Keys.ToArray();
}
