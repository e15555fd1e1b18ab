namespace LanceOrm;

/// <summary>
/// How to reach a LanceDB database over the remote REST protocol: plain configuration (bindable from
/// <c>IConfiguration</c>, checked when a connection is made). Services (embedding registry, logging, HTTP handlers) are
/// given to the <see cref="LanceDbConnection"/> constructor or come from DI. <see cref="ToString"/> never shows the API key.
/// </summary>
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

    /// <summary>
    /// The timeout of one HTTP attempt, upload and response body included (default 300 s, as the official client). A query
    /// answer streams: the attempt ends with its headers, and then each read of its body waits at most this long.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The deadline of one logical request — a query, a count, one write batch — with all its attempts and the waits
    /// between them: whatever <see cref="ReadTimeout"/> and the retry budget allow, the request fails with
    /// <see cref="OperationTimeoutException"/> once this much time has passed (a write then stops with
    /// <see cref="WriteFailedException"/>, saying which rows are written). Default <see cref="Timeout.InfiniteTimeSpan"/>:
    /// none, as the official client (its <c>timeout</c>, <c>LANCE_CLIENT_TIMEOUT</c>). A query's deadline runs until its
    /// answer's headers arrive; the rows then stream at the caller's pace, each read bounded by <see cref="ReadTimeout"/>.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>The retry policy (defaults = the official client's).</summary>
    public LanceRetryOptions Retry { get; set; } = new();

    /// <summary>The <c>User-Agent</c> (default <c>LanceOrm-DotNet-Client/{version}</c>).</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Rows per write request — the wire batch (default 1,000). Independent of the model's inference batch
    /// (<c>MiniLmOptions.MaxBatchSize</c>): each wire batch is embedded in as many model batches as it needs.
    /// </summary>
    public int WriteBatchSize { get; set; } = 1000;

    /// <summary>
    /// The largest request body a write sends, in bytes (default 8 MiB, below the usual proxy and gateway limits of
    /// 10 MB and more; at least 1,024). A wire batch whose encoded Arrow stream is larger is split by rows before it is
    /// sent, and a batch the server refuses as too large (HTTP 413) is split in halves and sent again, so no setting
    /// here loses or repeats a row; only a single row over the limit stops a write (<see cref="RowTooLargeException"/>).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 8 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 8L * 1024 * 1024;

    /// <summary>The smallest <see cref="MaxRequestBodyBytes"/> accepted: 1,024 bytes (a schema alone takes hundreds).</summary>
    public const long MinMaxRequestBodyBytes = 1024;

    /// <summary>
    /// Batches that may wait between two stages of a write (default 2): while one batch uploads, the next ones are
    /// embedded and encoded. Bounds the memory of a write to about <c>(2 × depth + 3) × WriteBatchSize</c> rows
    /// (a batch keeps its rows and vectors until it is acknowledged, so a refused request can be split and sent again).
    /// </summary>
    public int WritePipelineDepth { get; set; } = 2;

    /// <inheritdoc />
    public override string ToString() =>
        $"LanceDbOptions {{ Uri = {Uri}, ApiKey = {Redaction.Mask(ApiKey)}, Region = {Region}, HostOverride = {HostOverride?.ToString() ?? "(none)"}, AllowInsecureHttp = {AllowInsecureHttp}, ConnectTimeout = {ConnectTimeout}, ReadTimeout = {ReadTimeout}, OperationTimeout = {OperationTimeout}, WriteBatchSize = {WriteBatchSize}, MaxRequestBodyBytes = {MaxRequestBodyBytes}, Retry = {Retry} }}";
}
