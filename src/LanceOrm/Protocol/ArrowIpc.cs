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

    private static readonly CompressionCodecFactory Codecs = new();

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

    /// <summary>
    /// Reads a query response: <c>…arrow.stream</c> ⇒ stream reader, <c>…arrow.file</c> or no Content-Type ⇒ file reader,
    /// anything else ⇒ error (the official client's rule).
    /// </summary>
    public static async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(HttpContent content, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(bytes, writable: false);
        if (mediaType is not null && mediaType.EndsWith("arrow.stream", StringComparison.Ordinal))
        {
            using var reader = new ArrowStreamReader(stream, Codecs, leaveOpen: true);
            while (await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
            {
                yield return batch;
            }
        }
        else if (mediaType is null || mediaType.EndsWith("arrow.file", StringComparison.Ordinal))
        {
            using var reader = new ArrowFileReader(stream, Apache.Arrow.Memory.MemoryAllocator.Default.Value, Codecs, leaveOpen: true);
            var count = await reader.RecordBatchCountAsync().ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var batch = await reader.ReadRecordBatchAsync(i, cancellationToken).ConfigureAwait(false);
                if (batch is not null)
                {
                    yield return batch;
                }
            }
        }
        else
        {
            throw new LanceDbException($"The server answered a query with Content-Type '{mediaType}'; expected Arrow IPC (application/vnd.apache.arrow.file or .stream).");
        }
    }
}
