using System.Net;

namespace LanceOrm;

/// <summary>The namespace still holds tables or namespaces (drop with <see cref="NamespaceDropBehavior.Restrict"/>; HTTP 409).</summary>
public sealed class NamespaceNotEmptyException(IReadOnlyList<string> namespacePath, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The namespace's path from the root (for example <c>["tenant_a", "archive"]</c>).</summary>
    public IReadOnlyList<string> NamespacePath { get; } = namespacePath;
}
