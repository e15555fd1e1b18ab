namespace ImageSearch.Drawing;

/// <summary>
/// <c>make-images</c>: draws <see cref="ImageSet.All"/> into a folder with its <c>catalog.json</c>. Every file is written
/// to a temporary name and renamed into place, so an interrupted run never leaves a half-written picture.
/// </summary>
public static class ImageSetWriter
{
    public static async Task<long> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        long total = 0;
        foreach (var spec in ImageSet.All)
        {
            using var image = Picture.Render(spec.Painter, spec.Look);
            var bytes = Picture.Encode(image, spec.Format);
            await WriteAtomicallyAsync(Path.Combine(folder, spec.FileName), bytes, cancellationToken);
            total += bytes.Length;
        }

        var catalog = Catalog.Serialize(ImageSet.All.Select(s => s.ToEntry()));
        await WriteAtomicallyAsync(Path.Combine(folder, Catalog.FileName), System.Text.Encoding.UTF8.GetBytes(catalog), cancellationToken);
        return total;
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
