using System.Net;

namespace LanceOrm;

/// <summary>The namespace does not exist (HTTP 404 on a namespace route or a namespace's table list; for a create, its parent).</summary>
public sealed class NamespaceNotFoundException(IReadOnlyList<string> namespacePath, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The namespace's path from the root (for example <c>["tenant_a", "archive"]</c>).</summary>
    public IReadOnlyList<string> NamespacePath { get; } = namespacePath;
}
