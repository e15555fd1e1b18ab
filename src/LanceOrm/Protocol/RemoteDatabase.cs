using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>
/// The database routes of the remote REST protocol (list and drop tables) and the table clients, over one transport.
/// Tracks the server version (<c>phalanx-version</c>) that gates request shapes. Callers above it never see a path, a
/// header or a JSON key.
/// </summary>
internal sealed partial class RemoteDatabase : IDisposable
{
    private static readonly Version DefaultServerVersion = new(0, 1, 0);
    private readonly ConcurrentDictionary<string, RemoteTable> _tables = new(StringComparer.Ordinal);
    private Version _serverVersion = DefaultServerVersion;

    public RemoteDatabase(LanceTransport transport, string? apiKey, IReadOnlySet<int> retryStatuses)
    {
        Transport = transport;
        ApiKey = apiKey;
        RetryStatuses = retryStatuses;
    }

    public LanceTransport Transport { get; }

    /// <summary>
    /// The server version from the last <c>phalanx-version</c> response header (absent ⇒ 0.1.0, as the official client
    /// assumes). Gates request shapes (structured full-text queries from 0.3.0).
    /// </summary>
    public Version ServerVersion => Volatile.Read(ref _serverVersion);

    internal string? ApiKey { get; }

    internal IReadOnlySet<int> RetryStatuses { get; }

    /// <summary>The client of one table (one per name, so read-your-writes holds across repositories of a connection).</summary>
    public RemoteTable Table(string name)
    {
        TableNames.Validate(name);
        return _tables.GetOrAdd(name, static (n, db) => new RemoteTable(db, n), this);
    }

    /// <summary>One page of table names.</summary>
    public async Task<ListTablesResponse> ListTablesAsync(int? limit, string? pageToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Wire.ListTablesPath + Wire.ListTablesQuery(limit, pageToken));
        using var response = await SendAsync(request, new ErrorContext(new CallInfo("list_tables", null)), cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, ProtocolJsonContext.Default.ListTablesResponse, cancellationToken).ConfigureAwait(false)
               ?? new ListTablesResponse([], null);
    }

    /// <summary>Drops a table (not retried, as the official client) and forgets its versions.</summary>
    public async Task DropTableAsync(string table, CancellationToken cancellationToken)
    {
        TableNames.Validate(table);
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(table, Wire.Actions.Drop));
        using var _ = await SendAsync(request, new ErrorContext(new CallInfo("drop_table", table, Retryable: false)), cancellationToken).ConfigureAwait(false);
        _tables.TryRemove(table, out var _);
    }

    public void Dispose() => Transport.Dispose();

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
                Volatile.Write(ref _serverVersion, version);
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
