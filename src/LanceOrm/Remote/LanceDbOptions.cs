using LanceOrm.Embeddings;
using Microsoft.Extensions.Logging;

namespace LanceOrm;

/// <summary>How to reach a LanceDB database over the remote REST protocol. <see cref="ToString"/> never shows the API key.</summary>
public sealed class LanceDbOptions
{
    /// <summary>The database URI: <c>db://{database}</c> or <c>db://{database}/{prefix}</c>.</summary>
    public string Uri { get; set; } = "";

    /// <summary>The API key, sent only in the <c>x-api-key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The cloud region (default <c>us-east-1</c>, as the Python and Node clients).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// An endpoint used verbatim instead of <c>https://{database}.{region}.api.lancedb.com</c> (LanceDB Enterprise,
    /// the emulator). Sends <c>x-lancedb-database</c>.
    /// </summary>
    public Uri? HostOverride { get; set; }

    /// <summary>Allows a plain <c>http://</c> endpoint on a host that is not loopback (off by default: the API key would travel in clear).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The TCP connect timeout (default 120 s, as the official client). Applies when LanceOrm owns the socket handler.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The timeout of one HTTP attempt, upload and response body included (default 300 s, as the official client).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>The retry policy (defaults = the official client's).</summary>
    public LanceRetryOptions Retry { get; set; } = new();

    private EmbeddingRegistry? _embeddingRegistry;

    /// <summary>The embedding functions used to embed rows and query texts (a default registry with the built-ins when not set).</summary>
    public EmbeddingRegistry EmbeddingRegistry
    {
        get => _embeddingRegistry ??= new();
        set => _embeddingRegistry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether <see cref="EmbeddingRegistry"/> was set or used (DI substitutes the container's registry otherwise).</summary>
    internal bool HasEmbeddingRegistry => _embeddingRegistry is not null;

    /// <summary>
    /// The <see cref="HttpClientFactory"/> client already retries (the resilience handler <c>AddLanceOrm</c> configures),
    /// so the connection must not add its own <see cref="Remote.Http.LanceRetryHandler"/>: every call is retried once, by one layer.
    /// </summary>
    internal bool RetriesInHttpClient { get; set; }

    /// <summary>
    /// An application-owned client to send requests through (for example one from <c>IHttpClientFactory</c>).
    /// LanceOrm adds its headers and retry policy in front of it and never disposes it.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A factory to create the underlying client from (used when <see cref="HttpClient"/> is not set).</summary>
    public IHttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>The named client to ask <see cref="HttpClientFactory"/> for.</summary>
    public string HttpClientName { get; set; } = "LanceOrm";

    /// <summary>Where logs go (request ids, retries). The API key is never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The <c>User-Agent</c> (default <c>LanceOrm-DotNet-Client/{version}</c>).</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Rows per write request — the wire batch (default 1,000). Independent of the model's inference batch
    /// (<c>MiniLmOptions.MaxBatchSize</c>): each wire batch is embedded in as many model batches as it needs.
    /// </summary>
    public int WriteBatchSize { get; set; } = 1000;

    /// <summary>
    /// Batches that may wait between two stages of a write (default 2): while one batch uploads, the next ones are
    /// embedded and encoded. Bounds the memory of a write to about <c>(2 × depth + 3) × WriteBatchSize</c> rows.
    /// </summary>
    public int WritePipelineDepth { get; set; } = 2;

    /// <inheritdoc />
    public override string ToString() =>
        $"LanceDbOptions {{ Uri = {Uri}, ApiKey = {Redaction.Mask(ApiKey)}, Region = {Region}, HostOverride = {HostOverride?.ToString() ?? "(none)"}, AllowInsecureHttp = {AllowInsecureHttp}, ConnectTimeout = {ConnectTimeout}, ReadTimeout = {ReadTimeout}, Retry = {Retry} }}";

    /// <summary>
    /// A copy sharing the same registry instance (created here when it was not set, so that the caller's options and the
    /// connection see one registry), unless <paramref name="materializeRegistry"/> is false (DI fills it in).
    /// </summary>
    internal LanceDbOptions Clone(bool materializeRegistry = true)
    {
        if (materializeRegistry)
        {
            _ = EmbeddingRegistry;
        }

        return (LanceDbOptions)MemberwiseClone();
    }
}
