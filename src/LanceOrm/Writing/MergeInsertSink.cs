using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>Idempotent <c>merge_insert</c> batches on the key: insert-if-absent (add), insert-or-replace (upsert), or a conditional update.</summary>
internal sealed class MergeInsertSink(RemoteTable table, string key, MergeInsertMode mode) : IWireSink
{
    public async Task<WireAck> SendAsync(MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        var answer = await table.MergeInsertAsync(body, key, mode, rows, cancellationToken).ConfigureAwait(false);
        return new WireAck(answer.NumInsertedRows, answer.NumUpdatedRows, answer.Version);
    }
}
