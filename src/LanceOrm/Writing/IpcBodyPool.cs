using System.Collections.Concurrent;

namespace LanceOrm.Writing;

/// <summary>
/// Request-body buffers reused from batch to batch of one write: after the first few batches the IPC encoder writes into
/// memory that is already allocated (and already large enough), instead of growing a fresh buffer per request.
/// </summary>
internal sealed class IpcBodyPool(int capacity)
{
    private readonly ConcurrentQueue<MemoryStream> _free = new();

    public MemoryStream Rent() => _free.TryDequeue(out var stream) ? stream : new MemoryStream();

    public void Return(MemoryStream stream)
    {
        if (_free.Count < capacity)
        {
            stream.SetLength(0);
            _free.Enqueue(stream);
        }
    }
}
