using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// Create with data: the first batch the server accepts creates the table (schema and rows in one <c>create</c> stream,
/// not retried, as the official client's <c>createTable(name, rows)</c>); the batches after it, when the rows are more
/// than one request may hold, are idempotent insert-if-absent <c>merge_insert</c>s.
/// </summary>
internal sealed class CreateTableSink(RemoteTable table, CreateMode mode, string key) : IWireSink
{
    private readonly MergeInsertSink _rest = new(table, key, MergeInsertMode.Add);

    /// <summary>Whether the table was created.</summary>
    public bool Created { get; private set; }

    public async Task<WireAck> SendAsync(MemoryStream body, int rows, CancellationToken cancellationToken)
    {
        if (Created)
        {
            return await _rest.SendAsync(body, rows, cancellationToken).ConfigureAwait(false);
        }

        await table.CreateWithDataAsync(body, mode, rows, cancellationToken).ConfigureAwait(false);
        Created = true;
        return new WireAck(rows, 0, 0);
    }
}
