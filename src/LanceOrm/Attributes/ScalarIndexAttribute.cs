namespace LanceOrm;

/// <summary>
/// Declares a scalar index on a column that filters use, created by
/// <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>: <see cref="ScalarIndexType.BTree"/> for range and
/// equality filters, <see cref="ScalarIndexType.Bitmap"/> for columns with few distinct values,
/// <see cref="ScalarIndexType.LabelList"/> for string lists.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ScalarIndexAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="indexType">The index kind.</param>
    public ScalarIndexAttribute(ScalarIndexType indexType = ScalarIndexType.BTree) => IndexType = indexType;

    /// <summary>The index kind.</summary>
    public ScalarIndexType IndexType { get; }

    /// <summary>The index name (default <c>{column}_idx</c>).</summary>
    public string? Name { get; set; }
}
