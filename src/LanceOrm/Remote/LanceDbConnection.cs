using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LanceOrm.Mapping;
using LanceOrm.Remote.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace LanceOrm;

/// <summary>
/// A connection to a LanceDB database over the remote REST protocol: database-level operations (list and drop tables)
/// and the HTTP pipeline the repositories share. Thread-safe. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class LanceDbConnection : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    internal LanceDbConnection(LanceDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Clone();
        var uri = DatabaseUri.Parse(Options.Uri);
        Database = uri.Database;
        DatabasePrefix = uri.Prefix;
        if (Options.WriteBatchSize <= 0)
        {
            throw new ArgumentException($"WriteBatchSize must be positive (was {Options.WriteBatchSize}).", nameof(options));
        }

        if (Options.WritePipelineDepth <= 0)
        {
            throw new ArgumentException($"WritePipelineDepth must be positive (was {Options.WritePipelineDepth}).", nameof(options));
        }

        Endpoint = ResolveEndpoint(Options, Database);
        LoggerFactory = Options.LoggerFactory ?? NullLoggerFactory.Instance;
        var userAgent = Options.UserAgent ?? $"LanceOrm-DotNet-Client/{ClientVersion}";

        HttpMessageHandler inner;
        if (Options.HttpClient is { } appClient)
        {
            inner = new ForwardingHandler(appClient);
        }
        else if (Options.HttpClientFactory is { } factory)
        {
            inner = new ForwardingHandler(factory.CreateClient(Options.HttpClientName));
        }
        else
        {
            inner = new SocketsHttpHandler
            {
                ConnectTimeout = Options.ConnectTimeout,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(300),
                AutomaticDecompression = DecompressionMethods.GZip,
            };
        }

        // Exactly one retry layer: ours, unless the factory client carries the same policy (AddLanceOrm).
        var retry = Options.RetriesInHttpClient && Options.HttpClient is null && Options.HttpClientFactory is not null
            ? inner
            : new LanceRetryHandler(Options.Retry, Options.ReadTimeout, LoggerFactory.CreateLogger<LanceRetryHandler>()) { InnerHandler = inner };
        var headers = new LanceHeadersHandler(Options.ApiKey, Options.HostOverride is null ? null : Database, DatabasePrefix, userAgent) { InnerHandler = retry };
        _httpClient = new HttpClient(headers, disposeHandler: true) { BaseAddress = Endpoint, Timeout = Timeout.InfiniteTimeSpan };
        _ownsHttpClient = true;

        var json = new JsonSerializerOptions(LanceJsonContext.Default.Options);
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(json));
        Transport = new LanceDbTransport(RestService.ForGenerated<ILanceDbApi>(_httpClient, settings), Options, LoggerFactory.CreateLogger<LanceDbConnection>());
    }

    /// <summary>The database name (host part of the URI).</summary>
    public string Database { get; }

    /// <summary>The database prefix (path of the URI), if any.</summary>
    public string? DatabasePrefix { get; }

    /// <summary>The base address requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The embedding functions (from the options).</summary>
    public Embeddings.EmbeddingRegistry EmbeddingRegistry => Options.EmbeddingRegistry;

    /// <summary>The <c>User-Agent</c> version.</summary>
    public static string ClientVersion { get; } =
        (typeof(LanceDbConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    internal LanceDbOptions Options { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal LanceDbTransport Transport { get; }

    /// <summary>A repository over <paramref name="map"/>'s table.</summary>
    public LanceRepository<T> GetRepository<T>(ILanceEntityMap<T> map) => new(this, map);

    /// <summary>One page of table names (<c>GET /v1/table/</c>), in name order.</summary>
    /// <param name="limit">The page size, or <c>null</c> for the server's default.</param>
    /// <param name="pageToken">The <see cref="TableNamesPage.NextPageToken"/> of the previous page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TableNamesPage> ListTablesAsync(int? limit = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The page size must be positive.");
        }

        var json = await Transport.SendForJsonAsync((api, ct) => api.ListTables(limit, pageToken, ct), Transport.Context("List tables", null), cancellationToken).ConfigureAwait(false);
        var names = json?["tables"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
        var token = json?["page_token"]?.GetValue<string>();
        return new TableNamesPage(names, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Every table name, following page tokens.</summary>
    public async IAsyncEnumerable<string> ListAllTablesAsync(int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await ListTablesAsync(pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var name in page.Tables)
            {
                yield return name;
            }

            token = page.Tables.Count < pageSize ? null : page.NextPageToken ?? page.Tables[^1];
        }
        while (token is not null);
    }

    /// <summary>Drops a table (<c>POST /v1/table/{name}/drop/</c>, not retried, as the official client).</summary>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    public async Task DropTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TableNames.Validate(tableName);
        using var _ = await Transport.SendAsync((api, ct) => api.DropTable(tableName, false, ct), Transport.Context("Drop table", tableName, retryable: false), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceDbConnection {{ Database = {Database}, Endpoint = {Endpoint}, ApiKey = {Redaction.Mask(Options.ApiKey)} }}";

    private static Uri ResolveEndpoint(LanceDbOptions options, string database)
    {
        Uri endpoint;
        if (options.HostOverride is { } host)
        {
            if (!host.IsAbsoluteUri || (host.Scheme != Uri.UriSchemeHttp && host.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"HostOverride '{host}' must be an absolute http(s) URL.", nameof(options));
            }

            endpoint = host;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Region))
            {
                throw new ArgumentException("A region is required when no HostOverride is set.", nameof(options));
            }

            var name = $"{database}.{options.Region}.api.lancedb.com";
            if (Uri.CheckHostName(name) != UriHostNameType.Dns || name.Length > 253 || name.Split('.').Any(l => l.Length is 0 or > 63))
            {
                throw new ArgumentException($"Database '{database}' and region '{options.Region}' do not form a valid host name.", nameof(options));
            }

            endpoint = new Uri($"https://{name}");
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !options.AllowInsecureHttp)
        {
            throw new ArgumentException(
                $"Refusing plain http:// to the non-loopback host '{endpoint.Host}': the API key would travel unencrypted. Use https, or set LanceDbOptions.AllowInsecureHttp.",
                nameof(options));
        }

        return endpoint;
    }
}

/// <summary>One page of table names.</summary>
/// <param name="Tables">The names on this page.</param>
/// <param name="NextPageToken">The token for the next page, when the server sent one.</param>
public sealed record TableNamesPage(IReadOnlyList<string> Tables, string? NextPageToken);
