namespace LanceOrm;

/// <summary>
/// Declares, for compile-time validation, an embedding function name that the application registers at run time
/// (with <c>EmbeddingRegistry.Register</c>), its dimension and what it embeds. Built-in functions (<c>minilm</c>,
/// <c>arctic-xs</c>, <c>resnet18</c>) need no declaration.
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

    /// <summary>
    /// What the function embeds: <see cref="Embeddings.EmbeddingModality.Text"/> (the default; <c>[Embed]</c> on a string)
    /// or <see cref="Embeddings.EmbeddingModality.Image"/> (<c>[Embed]</c> on <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>
    /// or <c>FileInfo</c>; register it with <c>EmbeddingRegistry.Register(ImageEmbeddingFunction)</c>).
    /// </summary>
    public Embeddings.EmbeddingModality Modality { get; set; }
}
