using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LanceOrm.Embeddings;

/// <summary>
/// Vectors on disk, one small file per key: <c>&lt;root&gt;/&lt;scope&gt;/&lt;hash[0..2]&gt;/&lt;hash&gt;.vec</c>
/// (magic <c>LOEV</c>, int32 dimension, float32 little-endian values). Written to a temporary file and renamed,
/// so a reader never sees half a vector; unreadable files count as misses and are removed.
/// </summary>
internal sealed class DiskVectorStore(string root)
{
    private const int HeaderBytes = 8;
    private static ReadOnlySpan<byte> Magic => "LOEV"u8;

    public string Root { get; } = root;

    public async ValueTask<bool> TryReadAsync(EmbeddingCacheKey key, Memory<float> destination, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        if (bytes.Length != HeaderBytes + (destination.Length * sizeof(float))
            || !bytes.AsSpan(0, 4).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != destination.Length)
        {
            TryDelete(path);
            return false;
        }

        var values = bytes.AsSpan(HeaderBytes);
        var target = destination.Span;
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(values).CopyTo(target);
        }
        else
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = BinaryPrimitives.ReadSingleLittleEndian(values.Slice(i * sizeof(float)));
            }
        }

        return true;
    }

    public async ValueTask WriteAsync(EmbeddingCacheKey key, ReadOnlyMemory<float> vector, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[HeaderBytes + (vector.Length * sizeof(float))];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), vector.Length);
        var span = vector.Span;
        for (var i = 0; i < span.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HeaderBytes + (i * sizeof(float))), span[i]);
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private string PathOf(EmbeddingCacheKey key) =>
        Path.Combine(Root, key.Scope[..16], key.TextHash[..2], key.TextHash + ".vec");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: another process may hold it; it is rewritten or ignored later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
