namespace LanceOrm;

/// <summary>
/// Marks a <c>float[]</c> or <c>ReadOnlyMemory&lt;float&gt;</c> property as a vector column
/// (<c>fixed_size_list&lt;float32&gt;[dimensions]</c>): vectors the caller supplies, or the vector of an
/// <see cref="EmbedAttribute"/> column read back when the column names match.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class VectorAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="dimensions">The number of dimensions (greater than zero).</param>
    public VectorAttribute(int dimensions) => Dimensions = dimensions;

    /// <summary>The number of dimensions.</summary>
    public int Dimensions { get; }
}
