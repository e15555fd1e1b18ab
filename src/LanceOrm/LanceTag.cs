namespace LanceOrm;

/// <summary>A tag: a name for one version of a table, to read it later (<see cref="LanceRepository{T, TKey}.AtTagAsync"/>).</summary>
/// <param name="Name">The tag name.</param>
/// <param name="Version">The version it points at.</param>
public sealed record LanceTag(string Name, long Version);
