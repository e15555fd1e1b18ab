namespace LanceOrm.Protocol;

/// <summary>
/// A forward-only read stream over bytes already read (<paramref name="prefix"/>) followed by the rest of
/// <paramref name="inner"/>; says whether the end was reached and how many bytes were read. Does not own the inner stream.
/// </summary>
internal sealed class SequentialReadStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixPosition;

    /// <summary>Whether a read found the end of the body.</summary>
    public bool EndReached { get; private set; }

    /// <summary>The bytes read so far (the prefix included).</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int read;
        if (_prefixPosition < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
            prefix.AsMemory(_prefixPosition, read).CopyTo(buffer);
            _prefixPosition += read;
        }
        else
        {
            read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_prefixPosition < prefix.Length)
        {
            var fromPrefix = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
            prefix.AsSpan(_prefixPosition, fromPrefix).CopyTo(buffer);
            _prefixPosition += fromPrefix;
            return Count(fromPrefix);
        }

        return Count(inner.Read(buffer));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        if (read == 0)
        {
            EndReached = true;
        }

        BytesRead += read;
        return read;
    }
}
