using LanceOrm.Embeddings;

namespace LanceOrm.Mapping;

/// <summary>
/// One <see cref="EmbedAttribute"/> property of an entity: where its text or image comes from, which function embeds it
/// and which vector column receives the result.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class EmbeddingBinding<T>
{
    /// <summary>Creates a binding (called by generated code).</summary>
    public EmbeddingBinding(
        string sourcePropertyName,
        string sourceColumn,
        string vectorColumn,
        string functionName,
        int dimensions,
        Func<T, string?> getSourceText,
        Func<T, ReadOnlyMemory<float>?>? getVector = null)
        : this(sourcePropertyName, sourceColumn, vectorColumn, functionName, dimensions, getVector,
               getSourceText ?? throw new ArgumentNullException(nameof(getSourceText)), getSourceImage: null)
    {
    }

    /// <summary>Creates the binding of an image property (called by generated code).</summary>
    public EmbeddingBinding(
        string sourcePropertyName,
        string sourceColumn,
        string vectorColumn,
        string functionName,
        int dimensions,
        Func<T, ImageInput?> getSourceImage,
        Func<T, ReadOnlyMemory<float>?>? getVector = null)
        : this(sourcePropertyName, sourceColumn, vectorColumn, functionName, dimensions, getVector,
               static _ => null, getSourceImage ?? throw new ArgumentNullException(nameof(getSourceImage)))
    {
    }

    private EmbeddingBinding(
        string sourcePropertyName,
        string sourceColumn,
        string vectorColumn,
        string functionName,
        int dimensions,
        Func<T, ReadOnlyMemory<float>?>? getVector,
        Func<T, string?> getSourceText,
        Func<T, ImageInput?>? getSourceImage)
    {
        SourcePropertyName = sourcePropertyName;
        SourceColumn = sourceColumn;
        VectorColumn = vectorColumn;
        FunctionName = functionName;
        Dimensions = dimensions;
        Modality = getSourceImage is null ? EmbeddingModality.Text : EmbeddingModality.Image;
        GetSourceText = getSourceText;
        GetSourceImage = getSourceImage;
        GetVector = getVector;
    }

    /// <summary>Whether the property holds text or an image.</summary>
    public EmbeddingModality Modality { get; }

    /// <summary>Reads the image to embed from an entity (image bindings; null for text bindings).</summary>
    public Func<T, ImageInput?>? GetSourceImage { get; }

    /// <summary>The <c>[Embed]</c> property's name.</summary>
    public string SourcePropertyName { get; }

    /// <summary>The text column's name.</summary>
    public string SourceColumn { get; }

    /// <summary>The vector column's name.</summary>
    public string VectorColumn { get; }

    /// <summary>The embedding function's name (registry key).</summary>
    public string FunctionName { get; }

    /// <summary>The vector dimension.</summary>
    public int Dimensions { get; }

    /// <summary>Reads the text to embed from an entity (text bindings; always null for image bindings).</summary>
    public Func<T, string?> GetSourceText { get; }

    /// <summary>
    /// Reads a vector the entity already carries for this column (a <see cref="VectorAttribute"/> property mapped
    /// to the same column), or <c>null</c> when the entity has no such property. A row whose vector is present is
    /// not embedded again, unless that vector was read from the table for another text than the row's current one.
    /// </summary>
    public Func<T, ReadOnlyMemory<float>?>? GetVector { get; }

    /// <summary>The texts (or image identities) the vectors read through this binding were computed from.</summary>
    internal VectorProvenance Provenance { get; } = new();

    /// <summary>Whether <paramref name="entity"/> has a value to embed (a null text or image gets a null vector).</summary>
    internal bool HasSource(T entity) =>
        GetSourceImage is { } image ? image(entity) is not null : GetSourceText(entity) is not null;

    /// <summary>What the vector of <paramref name="entity"/> must belong to: its text, or its image's identity.</summary>
    internal string? SourceIdentity(T entity) =>
        GetSourceImage is { } image ? image(entity)?.Identity : GetSourceText(entity);

    /// <summary>Records, for each entity read from the table, the text its vector belongs to.</summary>
    internal void RecordRead(IReadOnlyList<T> entities)
    {
        if (GetVector is null)
        {
            return;
        }

        foreach (var entity in entities)
        {
            Provenance.Record(GetVector(entity), SourceIdentity(entity));
        }
    }

    /// <summary>
    /// The vector to write for <paramref name="entity"/> as it is, or null when it must be computed: the entity carries
    /// none, or carries the one read for a text that has changed since.
    /// </summary>
    internal ReadOnlyMemory<float>? CurrentVector(T entity) =>
        GetVector?.Invoke(entity) is { Length: > 0 } vector && !Provenance.IsStale(vector, SourceIdentity(entity)) ? vector : (ReadOnlyMemory<float>?)null;
}
