namespace LanceOrm;

/// <summary>
/// Declares, for compile-time validation, an embedding function name that the application registers at run time
/// (with <c>EmbeddingRegistry.Register</c>) and its dimension. Built-in functions (<c>minilm</c>) need no declaration.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class EmbeddingFunctionAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The function name used in <see cref="EmbedAttribute"/>.</param>
    /// <param name="dimensions">The vector dimension the function produces.</param>
    public EmbeddingFunctionAttribute(string name, int dimensions)
    {
        Name = name;
        Dimensions = dimensions;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The vector dimension.</summary>
    public int Dimensions { get; }
}
