namespace LanceOrm;

/// <summary>One page of child namespace names.</summary>
/// <param name="Namespaces">The names on this page, in name order.</param>
/// <param name="NextPageToken">The token for the next page, when the server sent one.</param>
public sealed record NamespaceNamesPage(IReadOnlyList<string> Namespaces, string? NextPageToken);
