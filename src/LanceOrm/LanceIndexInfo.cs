namespace LanceOrm;

/// <summary>An index as listed by the server.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Columns">The indexed columns.</param>
/// <param name="IndexType">The wire type name (for example <c>IVF_PQ</c>, <c>BTREE</c>, <c>FTS</c>), when reported.</param>
public sealed record LanceIndexInfo(string Name, IReadOnlyList<string> Columns, string? IndexType);
