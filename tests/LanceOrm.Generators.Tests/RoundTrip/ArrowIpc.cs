using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace LanceOrm.Generators.Tests.RoundTrip;

/// <summary>Serialises a batch to Arrow IPC stream bytes and back, the way the remote client ships it.</summary>
internal static class ArrowIpc
{
    public static byte[] Write(RecordBatch batch)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.ToArray();
    }

    public static RecordBatch Read(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        return reader.ReadNextRecordBatch() ?? throw new InvalidOperationException("The IPC stream holds no record batch.");
    }

    public static RecordBatch RoundTrip(RecordBatch batch) => Read(Write(batch));
}
