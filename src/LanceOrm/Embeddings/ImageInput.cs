using System.Security.Cryptography;

namespace LanceOrm.Embeddings;

/// <summary>
/// One image for an image embedding function: its encoded bytes (JPEG, PNG, ...) or a file that holds them.
/// <c>byte[]</c> and <see cref="ReadOnlyMemory{T}"/> of bytes convert to it implicitly, so
/// <c>repo.Search(x =&gt; x.Photo, File.ReadAllBytes("query.jpg"))</c> searches by example.
/// </summary>
public readonly struct ImageInput : IEquatable<ImageInput>
{
    private ImageInput(ReadOnlyMemory<byte> bytes, string? filePath)
    {
        Bytes = bytes;
        FilePath = filePath;
    }

    /// <summary>The encoded image, when given as bytes (empty for a file).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The file holding the encoded image, when given as a file (null for bytes).</summary>
    public string? FilePath { get; }

    /// <summary>An image given by its encoded bytes.</summary>
    public static ImageInput FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    /// <summary>An image stored in the file <paramref name="path"/> (read when it is embedded).</summary>
    /// <exception cref="ArgumentException">The path is null or blank.</exception>
    public static ImageInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ImageInput(default, path);
    }

    /// <summary>An image stored in <paramref name="file"/> (read when it is embedded).</summary>
    public static ImageInput FromFile(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return FromFile(file.FullName);
    }

    /// <summary>The image of <paramref name="bytes"/>.</summary>
    public static implicit operator ImageInput(byte[] bytes) => FromBytes(bytes ?? throw new ArgumentNullException(nameof(bytes)));

    /// <summary>The image of <paramref name="bytes"/>.</summary>
    public static implicit operator ImageInput(ReadOnlyMemory<byte> bytes) => FromBytes(bytes);

    /// <summary>The encoded bytes: <see cref="Bytes"/>, or the file's content.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken) =>
        FilePath is null ? Bytes : await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// What identifies this image's content for the rule "a stored vector belongs to its row's current image": the
    /// SHA-256 of the bytes, or the file's path.
    /// </summary>
    internal string Identity => FilePath is { } path ? "file:" + path : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Bytes.Span));

    /// <inheritdoc />
    public bool Equals(ImageInput other) =>
        string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && Bytes.Span.SequenceEqual(other.Bytes.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ImageInput other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => FilePath?.GetHashCode(StringComparison.Ordinal) ?? Bytes.Length;

    /// <summary>Whether two inputs name the same file or hold the same bytes.</summary>
    public static bool operator ==(ImageInput left, ImageInput right) => left.Equals(right);

    /// <summary>Whether two inputs differ.</summary>
    public static bool operator !=(ImageInput left, ImageInput right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => FilePath is { } path ? $"image file {path}" : $"image of {Bytes.Length} bytes";
}
