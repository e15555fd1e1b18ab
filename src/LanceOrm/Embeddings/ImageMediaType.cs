namespace LanceOrm.Embeddings;

/// <summary>The media type of encoded image bytes, read from their signature (for <c>DataContent</c>).</summary>
internal static class ImageMediaType
{
    /// <summary>The media type <paramref name="bytes"/> start like, or <c>application/octet-stream</c>.</summary>
    public static string Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'B', (byte)'M', ..] => "image/bmp",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "image/tiff",
        _ => "application/octet-stream",
    };
}
