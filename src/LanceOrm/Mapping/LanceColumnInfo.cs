namespace LanceOrm.Mapping;

/// <summary>One mapped column of an entity, as the source generator describes it.</summary>
/// <param name="PropertyName">The CLR property name (empty for a vector column that has no property).</param>
/// <param name="ColumnName">The column name on the server.</param>
/// <param name="Kind">How values are stored.</param>
/// <param name="IsNullable">Whether the Arrow field is nullable.</param>
/// <param name="VectorDimensions">The dimension of a <see cref="LanceValueKind.Vector"/> column, else 0.</param>
/// <param name="IsKey">Whether this is the <see cref="KeyAttribute"/> column.</param>
/// <param name="HasFullTextIndex">Whether a full-text index is wanted (<see cref="FullTextIndexAttribute"/>).</param>
/// <param name="EnumType">For <see cref="LanceValueKind.Enum"/>, the enum type (to format filter literals).</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record LanceColumnInfo(
    string PropertyName,
    string ColumnName,
    LanceValueKind Kind,
    bool IsNullable,
    int VectorDimensions = 0,
    bool IsKey = false,
    bool HasFullTextIndex = false,
    Type? EnumType = null);
