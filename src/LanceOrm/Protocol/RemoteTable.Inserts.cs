using System.Globalization;

namespace LanceOrm.Protocol;

/// <summary>
/// The append routes: a table created with data (§5.1), plain <c>insert</c> (§5.5) and multipart inserts (§5.6: create,
/// parts, complete, abort), each body an LZ4 Arrow IPC stream.
/// </summary>
internal sealed partial class RemoteTable
{
    /// <summary>The first server version that takes multipart inserts (§3).</summary>
    public static readonly Version MultipartSince = new(0, 4, 0);

    /// <summary>Whether the server announced multipart inserts (<c>phalanx-version</c> ≥ 0.4.0).</summary>
    public bool SupportsMultipart => ServerVersion >= MultipartSince;

    /// <summary>Creates the table from a stream with its schema and first rows (not retried, as the official client).</summary>
    public async Task CreateWithDataAsync(MemoryStream body, CreateMode mode, int rows, CancellationToken cancellationToken)
    {
        using var content = ArrowIpc.StreamContent(body);
        await CreateAsync(content, mode, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends rows with one plain <c>insert</c> (no <c>mode</c>: append). Not idempotent, so never replayed after a
    /// read error (<see cref="Transport.CallInfo.ReplayUnsafe"/>); retried on connect errors and retryable statuses as the
    /// official client. Answers the new table version (0 when the server does not say).
    /// </summary>
    public async Task<long> InsertAsync(MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        using var content = ArrowIpc.StreamContent(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(Name, Wire.Actions.Insert)) { Content = content };
        using var response = await _database.SendAsync(request, new ErrorContext(Call("append", rows: rows) with { ReplayUnsafe = true }), cancellationToken).ConfigureAwait(false);
        return await WroteAsync(response, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>Starts a multipart insert (no body) and answers its upload id.</summary>
    public async Task<string> BeginMultipartAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.MultipartPath(Name, Wire.MultipartSteps.Create));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("multipart_create")), cancellationToken).ConfigureAwait(false);
        var created = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.MultipartCreateResponse, cancellationToken).ConfigureAwait(false);
        return created?.UploadId is { Length: > 0 } id
            ? id
            : throw new LanceDbException($"Starting a multipart insert on table '{Name}' returned no upload id.", response.StatusCode, null, Transport.RequestOptionKeys.RequestIdOf(response.RequestMessage));
    }

    /// <summary>
    /// Stages one part of upload <paramref name="uploadId"/> under <paramref name="partId"/>. Idempotent (a part sent again
    /// under its id replaces the first copy), so retried as a write batch.
    /// </summary>
    public async Task InsertPartAsync(string uploadId, string partId, MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        using var content = ArrowIpc.StreamContent(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(Name, Wire.Actions.Insert) + Wire.UploadPartQuery(uploadId, partId)) { Content = content };
        using var _ = await _database.SendAsync(request, new ErrorContext(Call("append", rows: rows) with { IdempotentWrite = true }, Upload: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits every staged part of the upload as one write and answers the new table version (a repeat answers the same one).</summary>
    public async Task<long> CompleteMultipartAsync(string uploadId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.MultipartPath(Name, Wire.MultipartSteps.Complete) + Wire.UploadQuery(uploadId));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("multipart_complete"), Upload: true), cancellationToken).ConfigureAwait(false);
        return await WroteAsync(response, cancellationToken).ConfigureAwait(false)
               ?? throw new LanceDbException($"Completing a multipart insert on table '{Name}' returned no version.", response.StatusCode, null, Transport.RequestOptionKeys.RequestIdOf(response.RequestMessage));
    }

    /// <summary>Discards the upload's staged parts.</summary>
    public async Task AbortMultipartAsync(string uploadId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.MultipartPath(Name, Wire.MultipartSteps.Abort) + Wire.UploadQuery(uploadId));
        using var _ = await _database.SendAsync(request, new ErrorContext(Call("multipart_abort"), Upload: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fresh part id (a UUID, as the official client).</summary>
    public static string NewPartId() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
}
