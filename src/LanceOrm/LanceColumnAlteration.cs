namespace LanceOrm;

/// <summary>
/// A change to one existing column, for <see cref="LanceRepository{T, TKey}.AlterColumnsAsync"/>: a new name, a new
/// nullability, a new data type, or several of them. Members left <c>null</c> are not changed; at least one must be set.
/// </summary>
/// <param name="Column">The column to change.</param>
public sealed record LanceColumnAlteration(string Column)
{
    /// <summary>The column's new name, or <c>null</c> to keep it.</summary>
    public string? Rename { get; init; }

    /// <summary>
    /// <c>true</c> to allow nulls; <c>false</c> to forbid them (the server refuses when the column holds a null);
    /// <c>null</c> to keep it.
    /// </summary>
    public bool? Nullable { get; init; }

    /// <summary>The type to cast the column to (within its family, see <see cref="LanceColumnType"/>), or <c>null</c> to keep it.</summary>
    public LanceColumnType? DataType { get; init; }
}
