namespace LanceOrm.Writing;

/// <summary>
/// Where the wire batches of a write go, one request each, in source order: <c>merge_insert</c> (add, upsert), plain
/// <c>insert</c> or multipart parts (append), or a table create followed by <c>merge_insert</c>s (create with data).
/// Called by one uploader at a time.
/// </summary>
internal interface IWireSink
{
    /// <summary>Sends one batch (an LZ4 Arrow IPC stream of <paramref name="rows"/> rows) and answers what the server did.</summary>
    Task<WireAck> SendAsync(MemoryStream body, int rows, CancellationToken cancellationToken);
}

/// <summary>What the server did with one batch: rows inserted and updated, and the table version after it (0: not said).</summary>
internal readonly record struct WireAck(long Inserted, long Updated, long Version);
