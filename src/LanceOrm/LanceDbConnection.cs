using LanceOrm.Diagnostics;
using LanceOrm.Embeddings;
using LanceOrm.Protocol;
using LanceOrm.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LanceOrm;

/// <summary>
/// A connection to a LanceDB database over the remote REST protocol: database-level operations (list and drop tables),
/// the embedding functions rows and queries are embedded with, and the HTTP pipeline (headers, the official retry policy,
/// per-attempt timeouts) the repositories share. Creating one sends no request, as with the official clients: the first
/// operation does. Repositories come from the generated extension (<c>connection.Articles()</c>) or from DI.
/// Thread-safe. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed partial class LanceDbConnection : IDisposable
{
    private readonly EmbeddingRegistry? _ownedRegistry;

    /// <summary>Creates a connection (no request is sent).</summary>
    /// <param name="options">Where the database is and how to talk to it (checked now).</param>
    /// <param name="embeddings">The embedding functions; when null, a registry with the built-ins that the connection owns and disposes.</param>
    /// <param name="loggerFactory">Where request ids, retries and failures are logged (never the API key).</param>
    /// <param name="httpHandler">
    /// The innermost HTTP handler (for example a proxy or test handler); LanceOrm adds its headers, retry policy and
    /// per-attempt timeout in front of it and never disposes it. When null, a <see cref="SocketsHttpHandler"/> with
    /// <see cref="LanceDbOptions.ConnectTimeout"/>.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid (each problem named).</exception>
    public LanceDbConnection(LanceDbOptions options, EmbeddingRegistry? embeddings = null, ILoggerFactory? loggerFactory = null, HttpMessageHandler? httpHandler = null)
        : this(options, embeddings, loggerFactory, httpHandler, TimeProvider.System)
    {
    }

    internal LanceDbConnection(LanceDbOptions options, EmbeddingRegistry? embeddings, ILoggerFactory? loggerFactory, HttpMessageHandler? httpHandler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        LanceDbOptionsValidator.ThrowIfInvalid(options);
        var endpoint = Protocol.Endpoint.From(options, options.UserAgent ?? $"LanceOrm-DotNet-Client/{ClientVersion}");
        Database = endpoint.Database;
        DatabasePrefix = endpoint.Prefix;
        WriteBatchSize = options.WriteBatchSize;
        WritePipelineDepth = options.WritePipelineDepth;
        MaxRequestBodyBytes = options.MaxRequestBodyBytes;
        _ownedRegistry = embeddings is null ? new EmbeddingRegistry() : null;
        Embeddings = embeddings ?? _ownedRegistry!;
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        HttpMessageHandler inner = httpHandler is null ? HttpPipeline.CreateSocketsHandler(options.ConnectTimeout) : new BorrowedHandler(httpHandler);
        var logger = logs.CreateLogger<LanceDbConnection>();
        var pipeline = HttpPipeline.Create(endpoint.Headers, Wire.RequestIdHeader, options.Retry, options.ReadTimeout, inner, logger, time);
        var transport = new LanceTransport(pipeline, endpoint.BaseAddress, logger, options.ApiKey, options.OperationTimeout, time);
        Logger = logger;
        Remote = new RemoteDatabase(transport, options.ApiKey, options.Retry.Statuses.ToHashSet());
        ApiKeyText = Redaction.Mask(options.ApiKey);
        Time = time;
    }

    /// <summary>The database name (host part of the URI).</summary>
    public string Database { get; }

    /// <summary>The database prefix (path of the URI), if any.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>The base address requests go to.</summary>
    public Uri Endpoint => Remote.Transport.BaseAddress;

    /// <summary>The embedding functions rows and query texts are embedded with.</summary>
    public EmbeddingRegistry Embeddings { get; }

    /// <summary>The <c>User-Agent</c> version.</summary>
    internal static string ClientVersion => LanceOrmTelemetry.Version;

    internal RemoteDatabase Remote { get; }

    internal int WriteBatchSize { get; }

    /// <summary>The connection's logger (writes report truncated texts on it).</summary>
    internal ILogger Logger { get; }

    /// <summary>The clock of retries and index waits (a fake one in tests).</summary>
    internal TimeProvider Time { get; }

    internal int WritePipelineDepth { get; }

    /// <summary>The largest request body a write sends (<see cref="LanceDbOptions.MaxRequestBodyBytes"/>).</summary>
    internal long MaxRequestBodyBytes { get; }

    private string ApiKeyText { get; }

    /// <summary>One page of the names of the tables in this connection's namespace, in name order.</summary>
    /// <param name="limit">The page size, or <c>null</c> for the server's default.</param>
    /// <param name="pageToken">The <see cref="TableNamesPage.NextPageToken"/> of the previous page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NamespaceNotFoundException">This connection's namespace does not exist.</exception>
    public async Task<TableNamesPage> ListTablesAsync(int? limit = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(limit);
        var page = await Remote.ListTablesAsync(limit, pageToken, cancellationToken).ConfigureAwait(false);
        return new TableNamesPage(page.Tables ?? [], string.IsNullOrEmpty(page.PageToken) ? null : page.PageToken);
    }

    /// <summary>Every table name in this connection's namespace, following page tokens.</summary>
    /// <param name="pageSize">Names asked for per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public IAsyncEnumerable<string> ListAllTablesAsync(int pageSize = 100, CancellationToken cancellationToken = default) =>
        AllPagesAsync(
            async (token, ct) =>
            {
                var page = await ListTablesAsync(pageSize, token, ct).ConfigureAwait(false);
                return (page.Tables, page.NextPageToken);
            },
            pageSize,
            cancellationToken);

    /// <summary>Drops a table of this connection's namespace (not retried, as the official client).</summary>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    public Task DropTableAsync(string tableName, CancellationToken cancellationToken = default) => Remote.DropTableAsync(tableName, cancellationToken);

    /// <summary>Ends the connection and every namespace view made from it; on a namespace view (<see cref="InNamespace"/>), does nothing.</summary>
    public void Dispose()
    {
        if (_owner is not null)
        {
            return;
        }

        Remote.Dispose();
        _ownedRegistry?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"LanceDbConnection {{ Database = {Database}, {(Remote.Namespace.IsRoot ? "" : $"Namespace = {Remote.Namespace}, ")}Endpoint = {Endpoint}, ApiKey = {ApiKeyText} }}";

    /// <summary>Sends through a handler the application owns, without disposing it with the connection.</summary>
    private sealed class BorrowedHandler(HttpMessageHandler handler) : DelegatingHandler(handler)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
