using System.Net.Http.Headers;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;

namespace LanceOrm.Protocol;

/// <summary>Arrow IPC framing as the official client uses it: LZ4_FRAME-compressed streams up, files (or streams) down.</summary>
internal static class ArrowIpc
{
    public const string StreamContentType = "application/vnd.apache.arrow.stream";
    public const string FileContentType = "application/vnd.apache.arrow.file";

    /// <summary>The codecs of compressed IPC buffers (LZ4_FRAME, ZSTD), for writing and reading.</summary>
    internal static readonly CompressionCodecFactory Codecs = new();

    /// <summary>Serializes a schema and zero or more batches to an LZ4_FRAME-compressed IPC stream body.</summary>
    public static async Task<HttpContent> ToStreamContentAsync(Schema schema, IEnumerable<RecordBatch> batches, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await WriteStreamAsync(buffer, schema, batches, cancellationToken).ConfigureAwait(false);
        return StreamContent(buffer);
    }

    /// <summary>Appends a schema and zero or more batches, as an LZ4_FRAME-compressed IPC stream, to <paramref name="destination"/>.</summary>
    public static async Task WriteStreamAsync(Stream destination, Schema schema, IEnumerable<RecordBatch> batches, CancellationToken cancellationToken)
    {
        var options = new IpcOptions { CompressionCodec = CompressionCodecType.Lz4Frame, CompressionCodecFactory = Codecs };
        using var writer = new ArrowStreamWriter(destination, schema, leaveOpen: true, options);
        var any = false;
        foreach (var batch in batches)
        {
            await writer.WriteRecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            any = true;
        }

        if (!any)
        {
            await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request body over the written part of <paramref name="buffer"/> (no copy: keep the buffer until the request is done).</summary>
    public static HttpContent StreamContent(MemoryStream buffer)
    {
        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue(StreamContentType);
        return content;
    }
}
