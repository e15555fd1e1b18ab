using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>
/// The namespace routes (protocol §5.1, lance-namespace models): create, drop and describe a child namespace of this
/// view's namespace, and list its child namespaces a page at a time. None is retried, as the official client.
/// </summary>
internal sealed partial class RemoteDatabase
{
    /// <summary>Creates the child namespace <paramref name="name"/>; answers its properties (the existing ones under <see cref="NamespaceCreateMode.ExistOk"/>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateNamespaceAsync(string name, NamespaceCreateMode mode, IReadOnlyDictionary<string, string>? properties, CancellationToken cancellationToken)
    {
        var ns = Namespace.Child(name);
        var body = new CreateNamespaceRequest(Wire.Name(mode), properties is { Count: > 0 } ? properties : null);
        using var request = NamespaceRequest(ns, Wire.NamespaceActions.Create, RemoteDatabase.Json(body, ProtocolJsonContext.Default.CreateNamespaceRequest));
        using var response = await SendAsync(request, NamespaceContext("create_namespace", ns, isCreate: true), cancellationToken).ConfigureAwait(false);
        if (mode == NamespaceCreateMode.Overwrite)
        {
            ForgetTablesIn(ns);
        }

        return await PropertiesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the child namespace <paramref name="name"/>.</summary>
    public async Task DropNamespaceAsync(string name, NamespaceDropMode mode, NamespaceDropBehavior behavior, CancellationToken cancellationToken)
    {
        var ns = Namespace.Child(name);
        var body = new DropNamespaceRequest(Wire.Name(mode), Wire.Name(behavior));
        using var request = NamespaceRequest(ns, Wire.NamespaceActions.Drop, RemoteDatabase.Json(body, ProtocolJsonContext.Default.DropNamespaceRequest));
        using var _ = await SendAsync(request, NamespaceContext("drop_namespace", ns), cancellationToken).ConfigureAwait(false);
        ForgetTablesIn(ns);
    }

    /// <summary>The properties of the child namespace <paramref name="name"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DescribeNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        var ns = Namespace.Child(name);
        using var request = NamespaceRequest(ns, Wire.NamespaceActions.Describe, RemoteDatabase.Json(new DescribeNamespaceRequest(), ProtocolJsonContext.Default.DescribeNamespaceRequest));
        using var response = await SendAsync(request, NamespaceContext("describe_namespace", ns), cancellationToken).ConfigureAwait(false);
        return await PropertiesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of this namespace's child namespace names.</summary>
    public async Task<ListNamespacesResponse> ListNamespacesAsync(int? limit, string? pageToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Wire.NamespacePath(Namespace.Identifier, Wire.NamespaceActions.List) + Wire.ListTablesQuery(limit, pageToken));
        using var response = await SendAsync(request, NamespaceContext("list_namespaces", Namespace), cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, ProtocolJsonContext.Default.ListNamespacesResponse, cancellationToken).ConfigureAwait(false)
               ?? new ListNamespacesResponse([], null);
    }

    /// <summary>What a call about namespace <paramref name="ns"/> is, for its errors (a 404 names the namespace, not a table).</summary>
    private static ErrorContext NamespaceContext(string operation, NamespacePath ns, bool isCreate = false, bool retryable = false) =>
        new(new CallInfo(operation, null, retryable) { Namespace = ns.IsRoot ? null : ns.Identifier }, IsCreate: isCreate, Namespace: ns);

    private static HttpRequestMessage NamespaceRequest(NamespacePath ns, string action, HttpContent content) =>
        new(HttpMethod.Post, Wire.NamespacePath(ns.Identifier, action)) { Content = content };

    /// <summary>Forgets the table clients (and the versions they saw) of every table in <paramref name="ns"/> and below: their tables are gone.</summary>
    private void ForgetTablesIn(NamespacePath ns)
    {
        var prefix = ns.Identifier + NamespacePath.Delimiter;
        foreach (var id in _tables.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _tables.TryRemove(id, out var _);
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> PropertiesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadJsonAsync(response, ProtocolJsonContext.Default.NamespacePropertiesResponse, cancellationToken).ConfigureAwait(false);
        return body?.Properties ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
