using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>
/// The database routes of the remote REST protocol (list and drop tables, namespaces) and the table clients, over one
/// transport, for one namespace (the root, or a view from <see cref="InNamespace"/> that shares the root's transport,
/// table clients and server version). Tracks the server version (<c>phalanx-version</c>) that gates request shapes.
/// Callers above it never see a path, a header or a JSON key.
/// </summary>
internal sealed partial class RemoteDatabase : IDisposable
{
    private static readonly Version DefaultServerVersion = new(0, 1, 0);

    /// <summary>The table clients by full identifier (<c>ns1$ns2$table</c>), shared by the root and its namespace views.</summary>
    private readonly ConcurrentDictionary<string, RemoteTable> _tables;
    private readonly RemoteDatabase _root;
    private Version _serverVersion = DefaultServerVersion;

    public RemoteDatabase(LanceTransport transport, string? apiKey, IReadOnlySet<int> retryStatuses)
    {
        Transport = transport;
        ApiKey = apiKey;
        RetryStatuses = retryStatuses;
        Namespace = NamespacePath.Root;
        _tables = new(StringComparer.Ordinal);
        _root = this;
    }

    private RemoteDatabase(RemoteDatabase root, NamespacePath ns)
    {
        Transport = root.Transport;
        ApiKey = root.ApiKey;
        RetryStatuses = root.RetryStatuses;
        Namespace = ns;
        _tables = root._tables;
        _root = root;
    }

    public LanceTransport Transport { get; }

    /// <summary>The namespace this view's table routes and lists work in (the root: <see cref="NamespacePath.Root"/>).</summary>
    public NamespacePath Namespace { get; }

    /// <summary>
    /// The server version from the last <c>phalanx-version</c> response header (absent ⇒ 0.1.0, as the official client
    /// assumes). Gates request shapes (structured full-text queries from 0.3.0).
    /// </summary>
    public Version ServerVersion => Volatile.Read(ref _root._serverVersion);

    internal string? ApiKey { get; }

    internal IReadOnlySet<int> RetryStatuses { get; }

    /// <summary>A view of the same database in namespace <paramref name="ns"/> (sharing transport, table clients and server version).</summary>
    public RemoteDatabase InNamespace(NamespacePath ns) => new(_root, ns);

    /// <summary>
    /// The client of table <paramref name="name"/> in this namespace: one per full identifier, so read-your-writes holds
    /// across repositories and namespace views of a connection.
    /// </summary>
    public RemoteTable Table(string name)
    {
        TableNames.Validate(name);
        return _tables.GetOrAdd(Namespace.TableIdentifier(name), static (id, db) => new RemoteTable(db, id), _root);
    }

    /// <summary>
    /// One page of table names in this namespace: <c>GET /v1/table/</c> at the root, <c>GET /v1/namespace/{ns}/table/list</c>
    /// in a namespace (as the official client's <c>tableNames</c>).
    /// </summary>
    public async Task<ListTablesResponse> ListTablesAsync(int? limit, string? pageToken, CancellationToken cancellationToken)
    {
        var path = Namespace.IsRoot ? Wire.ListTablesPath : Wire.NamespacePath(Namespace.Identifier, Wire.NamespaceActions.ListTables);
        using var request = new HttpRequestMessage(HttpMethod.Get, path + Wire.ListTablesQuery(limit, pageToken));
        var context = Namespace.IsRoot ? new ErrorContext(new CallInfo("list_tables", null)) : NamespaceContext("list_tables", Namespace, retryable: true);
        using var response = await SendAsync(request, context, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, ProtocolJsonContext.Default.ListTablesResponse, cancellationToken).ConfigureAwait(false)
               ?? new ListTablesResponse([], null);
    }

    /// <summary>Drops a table of this namespace (not retried, as the official client) and forgets its versions.</summary>
    public async Task DropTableAsync(string table, CancellationToken cancellationToken)
    {
        TableNames.Validate(table);
        var id = Namespace.TableIdentifier(table);
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(id, Wire.Actions.Drop));
        using var _ = await SendAsync(request, new ErrorContext(new CallInfo("drop_table", id, Retryable: false)), cancellationToken).ConfigureAwait(false);
        _tables.TryRemove(id, out var _);
    }

    /// <summary>Disposes the transport (the root only: a namespace view borrows the root's).</summary>
    public void Dispose()
    {
        if (ReferenceEquals(_root, this))
        {
            Transport.Dispose();
        }
    }

    /// <summary>Sends, returning a 2xx response (the caller disposes it) or throwing the mapped <see cref="LanceDbException"/>.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, ErrorContext context, CancellationToken cancellationToken)
    {
        var response = await Transport.SendAsync(request, context.Call, cancellationToken).ConfigureAwait(false);
        return await SucceededAsync(response, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="SendAsync"/>, but a 404 answers <c>null</c> (an absent resource that is no error, as index stats).</summary>
    internal async Task<HttpResponseMessage?> SendOrAbsentAsync(HttpRequestMessage request, ErrorContext context, CancellationToken cancellationToken)
    {
        var response = await Transport.SendAsync(request, context.Call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        return await SucceededAsync(response, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SucceededAsync(HttpResponseMessage response, ErrorContext context, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            if (response.Headers.TryGetValues(Wire.ServerVersionHeader, out var versions)
                && Version.TryParse(versions.FirstOrDefault()?.Split('-', '+')[0], out var version))
            {
                Volatile.Write(ref _root._serverVersion, version);
            }

            return response;
        }

        using (response)
        {
            var error = await ErrorMapper.ToExceptionAsync(response, context, ApiKey, RetryStatuses, cancellationToken).ConfigureAwait(false);
            Transport.LogFailure(response, error.ServerMessage);
            throw error;
        }
    }

    /// <summary>A JSON request body (<c>application/json</c>, serialized now so its length is known).</summary>
    internal static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo) => Json(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A JSON request body over already serialized UTF-8 bytes.</summary>
    internal static ByteArrayContent Json(byte[] utf8)
    {
        var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = new MediaTypeHeaderValue(Wire.JsonContentType);
        return content;
    }

    /// <summary>Parses a JSON body (empty ⇒ <c>null</c>); a body that is not JSON is a typed error.</summary>
    internal async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200));
            throw new LanceDbException($"The server answered with a body that is not the expected JSON: {Redaction.Redact(text, ApiKey)}", response.StatusCode, null, RequestOptionKeys.RequestIdOf(response.RequestMessage), ex);
        }
    }
}
