using System.Security.Cryptography;
using System.Text;

namespace LanceOrm.Embeddings;

/// <summary>
/// A cache key: the embedding function's identity (name, model, version) plus the SHA-256 of the text (UTF-8) or of
/// the image's encoded bytes. Two inputs share a key only when the same function would embed the same bytes.
/// </summary>
internal readonly record struct EmbeddingCacheKey
{
    private EmbeddingCacheKey(string scope, string textHash)
    {
        Scope = scope;
        TextHash = textHash;
    }

    /// <summary>A lower-case hex SHA-256 of the function identity (name, model, version), 64 characters.</summary>
    public string Scope { get; }

    /// <summary>The lower-case hex SHA-256 of the text's UTF-8 bytes, 64 characters.</summary>
    public string TextHash { get; }

    /// <summary>Creates the key of <paramref name="text"/> for <paramref name="identity"/>.</summary>
    public static EmbeddingCacheKey Create(EmbeddingFunctionIdentity identity, string text)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(text);
        return new EmbeddingCacheKey(ScopeOf(identity), HashText(text));
    }

    internal static EmbeddingCacheKey Create(string scope, string text) => new(scope, HashText(text));

    /// <summary>The key of an image: <paramref name="scope"/> plus the SHA-256 of its encoded bytes.</summary>
    internal static EmbeddingCacheKey CreateForBytes(string scope, ReadOnlySpan<byte> bytes) => new(scope, Hex(bytes));

    internal static string ScopeOf(EmbeddingFunctionIdentity identity) =>
        Hex(Encoding.UTF8.GetBytes($"{identity.Name}\u001f{identity.Model}\u001f{identity.Version}"));

    private static string HashText(string text)
    {
        // Lone surrogates are replaced by U+FFFD by the UTF-8 encoder, exactly as the tokenizer sees them.
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount <= 1024)
        {
            Span<byte> bytes = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(text, bytes);
            return Hex(bytes);
        }

        return Hex(Encoding.UTF8.GetBytes(text));
    }

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scope}/{TextHash}";
}
