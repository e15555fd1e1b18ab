namespace LanceOrm;

/// <summary>A namespace: its path from the root and its properties.</summary>
/// <param name="Path">The namespace names from the root down (for example <c>["tenant_a", "archive"]</c>).</param>
/// <param name="Properties">The properties set when it was created (empty when none).</param>
public sealed record NamespaceDescription(IReadOnlyList<string> Path, IReadOnlyDictionary<string, string> Properties);
