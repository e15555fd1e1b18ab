namespace LanceOrm;

/// <summary>One version of a table: every write (add, upsert, update, delete, index, restore) commits a new one.</summary>
/// <param name="Version">The version number (1 for the created table, then increasing).</param>
/// <param name="Timestamp">When the version was committed.</param>
/// <param name="Metadata">The server's metadata of the version (for example <c>total_rows</c>), as strings.</param>
public sealed record LanceTableVersion(long Version, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Metadata);
