using System.Security.Cryptography;
using LanceOrm.Embeddings.Quantization.Onnx;

namespace LanceOrm.Embeddings.Quantization;

/// <summary>
/// A model file LanceOrm derives and keeps in its model cache (int8, batch-enabled) with its SHA-256 beside it
/// (<c>{file}.sha256</c>): written to temporary names, proved, then renamed into place, so a reader never sees half a
/// file; a file that no longer matches its checksum is not used.
/// </summary>
internal static class CheckedModelFile
{
    /// <summary>Whether <paramref name="path"/> and its checksum file exist and agree.</summary>
    public static async Task<bool> IsIntactAsync(string path, CancellationToken cancellationToken)
    {
        var checksum = path + ".sha256";
        if (!File.Exists(path) || !File.Exists(checksum))
        {
            return false;
        }

        var expected = (await File.ReadAllTextAsync(checksum, cancellationToken).ConfigureAwait(false)).Trim();
        return string.Equals(expected, await Sha256Async(path, cancellationToken).ConfigureAwait(false), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/> with its checksum, after <paramref name="prove"/> (if any)
    /// accepted the written temporary file.
    /// </summary>
    public static async Task WriteAsync(ModelProto model, string path, Action<string>? prove, CancellationToken cancellationToken)
    {
        var checksum = path + ".sha256";
        var unique = $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        string temporary = path + unique, temporaryChecksum = checksum + unique;
        try
        {
            await OnnxModelCodec.WriteAsync(model, temporary, cancellationToken).ConfigureAwait(false);
            prove?.Invoke(temporary);
            await File.WriteAllTextAsync(temporaryChecksum, await Sha256Async(temporary, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            File.Move(temporaryChecksum, checksum, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporaryChecksum);
        }
    }

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }
}
