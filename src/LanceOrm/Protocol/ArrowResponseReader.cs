using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace LanceOrm.Protocol;

/// <summary>
/// Reads a query response body batch by batch as it arrives: <c>…arrow.stream</c> ⇒ the IPC stream format;
/// <c>…arrow.file</c> or no Content-Type ⇒ the IPC file format, which is the stream format (schema message, batches,
/// end-of-stream marker) between the <c>ARROW1</c> magic and a footer, so it is read sequentially too and the footer
/// only checked; anything else ⇒ error (the official client's rule). A file whose first message is not the schema (the
/// schema is then only in the footer, as Apache Arrow JS writes it) cannot be read before its end: it is buffered and
/// read through its footer. A body that ends before its end-of-stream marker (or file footer) is an error, never a
/// shorter answer.
/// </summary>
internal static class ArrowResponseReader
{
    private const int MessageHeaderSchema = 1;
    private const int MaxFooterBytes = 64 << 20;
    private static readonly byte[] Magic = "ARROW1"u8.ToArray();

    /// <summary>Reads <paramref name="content"/>; the caller disposes each batch.</summary>
    /// <exception cref="LanceDbException">The Content-Type is not Arrow IPC.</exception>
    /// <exception cref="InvalidDataException">The body ended early or is not Arrow IPC.</exception>
    public static async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(HttpContent content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var isStream = mediaType is not null && mediaType.EndsWith("arrow.stream", StringComparison.Ordinal);
        if (!isStream && mediaType is not null && !mediaType.EndsWith("arrow.file", StringComparison.Ordinal))
        {
            throw new LanceDbException($"The server answered a query with Content-Type '{mediaType}'; expected Arrow IPC (application/vnd.apache.arrow.file or .stream).");
        }

        await using var network = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (isStream)
        {
            var body = new SequentialReadStream([], network);
            await foreach (var batch in ReadStreamAsync(body, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }

            await DrainAsync(body, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        var magic = new byte[8];
        await ReadExactlyOrThrowAsync(network, magic, "the file magic", cancellationToken).ConfigureAwait(false);
        if (!magic.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("The query response is not an Arrow IPC file (no ARROW1 magic).");
        }

        var (first, headerType) = await ReadFirstMessageAsync(network, cancellationToken).ConfigureAwait(false);
        if (headerType == MessageHeaderSchema)
        {
            var body = new SequentialReadStream(first, network);
            await foreach (var batch in ReadStreamAsync(body, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }

            await CheckFooterAsync(body, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        // The schema is only in the footer: read the file to its end, then through the footer.
        var buffered = new MemoryStream();
        await buffered.WriteAsync(magic, cancellationToken).ConfigureAwait(false);
        await buffered.WriteAsync(first, cancellationToken).ConfigureAwait(false);
        await network.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        buffered.Position = 0;
        using var reader = new ArrowFileReader(buffered, Apache.Arrow.Memory.MemoryAllocator.Default.Value, ArrowIpc.Codecs, leaveOpen: false);
        var count = await reader.RecordBatchCountAsync().ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            if (await reader.ReadRecordBatchAsync(i, cancellationToken).ConfigureAwait(false) is { } batch)
            {
                yield return batch;
            }
        }
    }

    private static async IAsyncEnumerable<RecordBatch> ReadStreamAsync(SequentialReadStream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new ArrowStreamReader(body, ArrowIpc.Codecs, leaveOpen: true);
        while (await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            yield return batch;
        }

        if (body.EndReached)
        {
            throw new InvalidDataException($"The query response ended after {body.BytesRead} bytes, before the Arrow end-of-stream marker: the answer is incomplete.");
        }
    }

    /// <summary>Reads the first message's length prefix and metadata; returns those bytes and the message's header type.</summary>
    private static async Task<(byte[] Bytes, int HeaderType)> ReadFirstMessageAsync(Stream network, CancellationToken cancellationToken)
    {
        var prefix = new byte[8];
        await ReadExactlyOrThrowAsync(network, prefix.AsMemory(0, 4), "the first message", cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        var prefixLength = 4;
        if (length == -1)
        {
            await ReadExactlyOrThrowAsync(network, prefix.AsMemory(4, 4), "the first message", cancellationToken).ConfigureAwait(false);
            length = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(4));
            prefixLength = 8;
        }

        if (length is < 0 or > MaxFooterBytes)
        {
            throw new InvalidDataException($"The query response's first Arrow message has an invalid length ({length}).");
        }

        var bytes = new byte[prefixLength + length];
        prefix.AsSpan(0, prefixLength).CopyTo(bytes);
        await ReadExactlyOrThrowAsync(network, bytes.AsMemory(prefixLength), "the first message", cancellationToken).ConfigureAwait(false);
        return (bytes, length == 0 ? 0 : HeaderType(bytes.AsSpan(prefixLength)));
    }

    /// <summary>The <c>header_type</c> (field 1) of a flatbuffer <c>Message</c> table; 0 when absent or unreadable.</summary>
    internal static int HeaderType(ReadOnlySpan<byte> message)
    {
        if (message.Length < 8)
        {
            return 0;
        }

        var table = BinaryPrimitives.ReadInt32LittleEndian(message);
        if (table < 0 || table > message.Length - 4)
        {
            return 0;
        }

        var vtable = table - BinaryPrimitives.ReadInt32LittleEndian(message[table..]);
        if (vtable < 0 || vtable > message.Length - 4)
        {
            return 0;
        }

        var vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(message[vtable..]);
        const int Slot = 4 + (2 * 1);
        if (vtableSize < Slot + 2 || vtable + Slot + 2 > message.Length)
        {
            return 0;
        }

        var offset = BinaryPrimitives.ReadUInt16LittleEndian(message[(vtable + Slot)..]);
        return offset == 0 || table + offset >= message.Length ? 0 : message[table + offset];
    }

    /// <summary>After the end-of-stream marker of a file: the footer, its length and the closing magic, nothing less.</summary>
    private static async Task CheckFooterAsync(SequentialReadStream body, CancellationToken cancellationToken)
    {
        var tail = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (tail.Length + read > MaxFooterBytes)
            {
                throw new InvalidDataException("The query response has more than 64 MiB after its Arrow end-of-stream marker.");
            }

            tail.Write(buffer, 0, read);
        }

        var bytes = tail.GetBuffer().AsSpan(0, (int)tail.Length);
        if (bytes.Length < 4 + Magic.Length
            || !bytes[^Magic.Length..].SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[^(4 + Magic.Length)..]) is var footer && (footer < 0 || footer > bytes.Length - 4 - Magic.Length))
        {
            throw new InvalidDataException($"The query response ended after {body.BytesRead} bytes without the Arrow file footer: the answer may be incomplete.");
        }
    }

    /// <summary>Reads what follows a stream's end-of-stream marker, so the connection can be reused.</summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private static async Task ReadExactlyOrThrowAsync(Stream stream, Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"The query response ended before {what}: the answer is incomplete.", ex);
        }
    }
}
