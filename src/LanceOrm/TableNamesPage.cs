namespace LanceOrm;

/// <summary>One page of table names.</summary>
/// <param name="Tables">The names on this page.</param>
/// <param name="NextPageToken">The token for the next page, when the server sent one.</param>
public sealed record TableNamesPage(IReadOnlyList<string> Tables, string? NextPageToken);
