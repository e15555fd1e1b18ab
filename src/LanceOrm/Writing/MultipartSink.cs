using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// The parts of one multipart insert (servers ≥ 0.4.0): the upload starts with the first part (an empty write starts
/// none), each batch is staged under a fresh part id, and nothing is visible until <see cref="CompleteAsync"/> commits
/// them all as one write; <see cref="AbortAsync"/> discards them.
/// </summary>
internal sealed class MultipartSink(RemoteTable table) : IWireSink
{
    /// <summary>The upload, once the first part started it.</summary>
    public string? UploadId { get; private set; }

    public async Task<WireAck> SendAsync(MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        UploadId ??= await table.BeginMultipartAsync(cancellationToken).ConfigureAwait(false);
        await table.InsertPartAsync(UploadId, RemoteTable.NewPartId(), body, rows, cancellationToken).ConfigureAwait(false);
        return new WireAck(rows, 0, 0);
    }

    /// <summary>Commits the staged parts; answers the table version (0 when no part was sent).</summary>
    public Task<long> CompleteAsync(CancellationToken cancellationToken) =>
        UploadId is { } id ? table.CompleteMultipartAsync(id, cancellationToken) : Task.FromResult(0L);

    /// <summary>Discards the staged parts (nothing to do when no part was sent).</summary>
    public Task AbortAsync(CancellationToken cancellationToken) =>
        UploadId is { } id ? table.AbortMultipartAsync(id, cancellationToken) : Task.CompletedTask;
}
