namespace LanceOrm;

/// <summary>
/// Marks a <see cref="string"/> property whose text is embedded locally, before upload, by the named embedding
/// function (for example <c>"minilm"</c>, all-MiniLM-L6-v2, 384 dimensions). The vector is stored in
/// <see cref="VectorColumn"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class EmbedAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="function">The embedding function name, as registered in the embedding registry.</param>
    public EmbedAttribute(string function) => Function = function;

    /// <summary>The embedding function name.</summary>
    public string Function { get; }

    /// <summary>
    /// The vector column's name. Defaults to <c>vector</c> when the entity has one embedded property, and to
    /// <c>&lt;column&gt;_vector</c> otherwise.
    /// </summary>
    public string? VectorColumn { get; set; }
}
