using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// Plain <c>insert</c> batches (append, servers below 0.4.0): each request appends its rows and is not idempotent, so it
/// is never replayed after a lost answer (<see cref="RemoteTable.InsertAsync"/>).
/// </summary>
internal sealed class InsertSink(RemoteTable table) : IWireSink
{
    public async Task<WireAck> SendAsync(MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        var version = await table.InsertAsync(body, rows, cancellationToken).ConfigureAwait(false);
        return new WireAck(rows, 0, version);
    }
}
