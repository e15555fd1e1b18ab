using System.Buffers;
using System.Security.Cryptography;

namespace LanceOrm.Embeddings;

/// <summary>
/// Downloads a manifest's files from a Hugging Face style hub (<c>{base}/{repo}/resolve/{revision}/{path}</c>) into a
/// folder. Each file is streamed to a temporary <c>*.partial</c> file while its SHA-256 is computed, checked against the
/// manifest and only then renamed into place, so the folder never holds a partial or corrupt file and an interrupted
/// download simply starts that file again. The ONNX file is fetched last: its presence means the folder is complete.
/// </summary>
internal sealed class ModelDownloader(HttpClient http, Uri hubBaseUrl)
{
    private static readonly TimeSpan StalePartialAge = TimeSpan.FromHours(6);

    public Uri UrlOf(ModelManifest manifest, ModelFile file)
    {
        var baseText = hubBaseUrl.AbsoluteUri.EndsWith('/') ? hubBaseUrl.AbsoluteUri : hubBaseUrl.AbsoluteUri + "/";
        return new Uri(new Uri(baseText), $"{manifest.Repository}/resolve/{Uri.EscapeDataString(manifest.Revision)}/{file.Path}");
    }

    public async Task DownloadAsync(ModelManifest manifest, bool int8, string targetDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(targetDirectory);
        RemoveStalePartials(targetDirectory);
        foreach (var file in manifest.SupportFiles.Append(manifest.ModelFor(int8)))
        {
            var final = Path.Combine(targetDirectory, file.Path);
            if (File.Exists(final) && new FileInfo(final).Length == file.Size)
            {
                continue; // Landed by an earlier, verified download (files only arrive by rename after the check).
            }

            await DownloadFileAsync(UrlOf(manifest, file), file, final, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DownloadFileAsync(Uri url, ModelFile file, string final, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = $"{final}.{Guid.NewGuid():N}.partial";
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > file.Size)
                    {
                        break; // Longer than the manifest says: corrupt, no need to read the rest.
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (size != file.Size)
            {
                throw new ModelIntegrityException(file.Path, url, $"{file.Size} bytes", $"{(size > file.Size ? "more than " + file.Size : size)} bytes");
            }

            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelIntegrityException(file.Path, url, $"SHA-256 {file.Sha256}", $"SHA-256 {actual}");
            }

            File.Move(temp, final, overwrite: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void RemoveStalePartials(string directory)
    {
        foreach (var partial in Directory.EnumerateFiles(directory, "*.partial", SearchOption.AllDirectories))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(partial) > StalePartialAge)
                {
                    File.Delete(partial);
                }
            }
            catch (IOException)
            {
                // Another process may be writing it; it is left alone.
            }
        }
    }
}
