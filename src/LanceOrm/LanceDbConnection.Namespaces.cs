using System.Runtime.CompilerServices;
using LanceOrm.Protocol;

namespace LanceOrm;

/// <summary>Namespaces: a view of the connection bound to one, and creating, dropping, describing and listing them.</summary>
public sealed partial class LanceDbConnection
{
    /// <summary>The connection this view was made from (<c>null</c> on a connection created with its constructor).</summary>
    private readonly LanceDbConnection? _owner;

    /// <summary>A view of <paramref name="owner"/> in <paramref name="ns"/>: the same transport, embeddings and settings.</summary>
    private LanceDbConnection(LanceDbConnection owner, NamespacePath ns)
    {
        _owner = owner._owner ?? owner;
        Database = owner.Database;
        DatabasePrefix = owner.DatabasePrefix;
        WriteBatchSize = owner.WriteBatchSize;
        WritePipelineDepth = owner.WritePipelineDepth;
        MaxRequestBodyBytes = owner.MaxRequestBodyBytes;
        Embeddings = owner.Embeddings;
        Logger = owner.Logger;
        Time = owner.Time;
        ApiKeyText = owner.ApiKeyText;
        Remote = owner.Remote.InNamespace(ns);
    }

    /// <summary>The namespace this connection's tables and lists are in, from the root down (empty: the root namespace).</summary>
    public IReadOnlyList<string> Namespace => Remote.Namespace.Parts;

    /// <summary>
    /// A view of this connection in the namespace <paramref name="path"/> below this one's (for example
    /// <c>connection.InNamespace("tenant_a")</c>): every table route then uses the identifier
    /// <c>tenant_a$table</c>, so the generated repositories (<c>view.Articles()</c>), table lists and namespace operations
    /// work in that namespace. No request is sent. The view shares this connection's HTTP pipeline, embeddings and
    /// table clients (so a read after a write to the same table, through any view, sees it); disposing a view does
    /// nothing, disposing the connection it came from ends every view.
    /// </summary>
    /// <param name="path">One or more namespace names, from this connection's namespace down.</param>
    /// <exception cref="ArgumentException">No name was given, or a name is invalid (the table-name rule: letters, digits, <c>_</c>, <c>-</c>, <c>.</c>).</exception>
    public LanceDbConnection InNamespace(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new ArgumentException("Name at least one namespace.", nameof(path));
        }

        return new LanceDbConnection(this, Remote.Namespace.Descend(path));
    }

    /// <summary>Creates the namespace <paramref name="name"/> in this connection's namespace (not retried, as the official client).</summary>
    /// <param name="name">The new namespace's name (the table-name rule).</param>
    /// <param name="mode">What to do when it exists already.</param>
    /// <param name="properties">Properties to store with it (none when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The namespace and its properties (under <see cref="NamespaceCreateMode.ExistOk"/>, the existing namespace's).</returns>
    /// <exception cref="NamespaceAlreadyExistsException">It exists and <paramref name="mode"/> is <see cref="NamespaceCreateMode.Create"/>.</exception>
    /// <exception cref="NamespaceNotFoundException">This connection's namespace does not exist.</exception>
    public async Task<NamespaceDescription> CreateNamespaceAsync(string name, NamespaceCreateMode mode = NamespaceCreateMode.Create, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        NamespacePath.Validate(name);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }

        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
        {
            if (value is null)
            {
                throw new ArgumentException($"Property '{key}' of namespace '{name}' has no value; every property needs a value.", nameof(properties));
            }
        }

        var stored = await Remote.CreateNamespaceAsync(name, mode, properties, cancellationToken).ConfigureAwait(false);
        return new NamespaceDescription([.. Namespace, name], stored);
    }

    /// <summary>Drops the namespace <paramref name="name"/> in this connection's namespace (not retried, as the official client).</summary>
    /// <param name="name">The namespace's name.</param>
    /// <param name="behavior">Whether a namespace that still holds tables or namespaces is refused or dropped with them.</param>
    /// <param name="mode">Whether a missing namespace is an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NamespaceNotEmptyException">It holds tables or namespaces and <paramref name="behavior"/> is <see cref="NamespaceDropBehavior.Restrict"/>; nothing was dropped.</exception>
    /// <exception cref="NamespaceNotFoundException">It does not exist and <paramref name="mode"/> is <see cref="NamespaceDropMode.Fail"/>.</exception>
    public Task DropNamespaceAsync(string name, NamespaceDropBehavior behavior = NamespaceDropBehavior.Restrict, NamespaceDropMode mode = NamespaceDropMode.Fail, CancellationToken cancellationToken = default)
    {
        NamespacePath.Validate(name);
        if (!Enum.IsDefined(behavior))
        {
            throw new ArgumentOutOfRangeException(nameof(behavior), behavior, null);
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }

        return Remote.DropNamespaceAsync(name, mode, behavior, cancellationToken);
    }

    /// <summary>Describes the namespace <paramref name="name"/> in this connection's namespace.</summary>
    /// <param name="name">The namespace's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NamespaceNotFoundException">It does not exist.</exception>
    public async Task<NamespaceDescription> DescribeNamespaceAsync(string name, CancellationToken cancellationToken = default)
    {
        NamespacePath.Validate(name);
        var properties = await Remote.DescribeNamespaceAsync(name, cancellationToken).ConfigureAwait(false);
        return new NamespaceDescription([.. Namespace, name], properties);
    }

    /// <summary>One page of the names of the namespaces in this connection's namespace, in name order.</summary>
    /// <param name="limit">The page size, or <c>null</c> for the server's default.</param>
    /// <param name="pageToken">The <see cref="NamespaceNamesPage.NextPageToken"/> of the previous page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NamespaceNotFoundException">This connection's namespace does not exist.</exception>
    public async Task<NamespaceNamesPage> ListNamespacesAsync(int? limit = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(limit);
        var page = await Remote.ListNamespacesAsync(limit, pageToken, cancellationToken).ConfigureAwait(false);
        return new NamespaceNamesPage(page.Namespaces ?? [], string.IsNullOrEmpty(page.PageToken) ? null : page.PageToken);
    }

    /// <summary>Every namespace name in this connection's namespace, following page tokens.</summary>
    /// <param name="pageSize">Names asked for per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public IAsyncEnumerable<string> ListAllNamespacesAsync(int pageSize = 100, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            async (token, ct) =>
            {
                var page = await ListNamespacesAsync(pageSize, token, ct).ConfigureAwait(false);
                return (page.Namespaces, page.NextPageToken);
            },
            pageSize,
            cancellationToken);

    /// <summary>Every name of a paged list: asks page after page until one comes back shorter than <paramref name="pageSize"/>.</summary>
    private static async IAsyncEnumerable<string> AllPagesAsync(
        Func<string?, CancellationToken, Task<(IReadOnlyList<string> Names, string? Next)>> page,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CheckPageSize(pageSize, nameof(pageSize));
        string? token = null;
        do
        {
            var (names, next) = await page(token, cancellationToken).ConfigureAwait(false);
            foreach (var name in names)
            {
                yield return name;
            }

            token = names.Count < pageSize ? null : next ?? names[^1];
        }
        while (token is not null);
    }

    private static void CheckPageSize(int? limit, string parameter = "limit")
    {
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(parameter, limit, "The page size must be positive.");
        }
    }
}
