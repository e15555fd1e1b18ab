using System.Net;

namespace LanceOrm;

/// <summary>A namespace with that name already exists (create in mode <see cref="NamespaceCreateMode.Create"/>; HTTP 409).</summary>
public sealed class NamespaceAlreadyExistsException(IReadOnlyList<string> namespacePath, string message, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null)
    : LanceDbException(message, status, serverMessage, requestId)
{
    /// <summary>The namespace's path from the root (for example <c>["tenant_a", "archive"]</c>).</summary>
    public IReadOnlyList<string> NamespacePath { get; } = namespacePath;
}
