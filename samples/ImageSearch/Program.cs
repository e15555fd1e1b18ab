using ImageSearch;
using ImageSearch.Drawing;
using LanceOrm;
using LanceOrm.Embeddings;

// LanceOrm image search: embed product photos locally with ResNet-18, upload them to a LanceDB remote table, search by
// example picture. `make-images [folder]` redraws the bundled pictures and catalog.json instead (run from the repository
// root; default folder samples/ImageSearch/Images).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    if (args is ["make-images", ..])
    {
        var folder = args.Length > 1 ? args[1] : Path.Combine("samples", "ImageSearch", "Images");
        var bytes = await ImageSetWriter.WriteAsync(folder, cancellation.Token);
        Console.WriteLine($"Wrote {ImageSet.All.Count} pictures ({bytes / 1024.0:0.0} KiB) and {Catalog.FileName} to {Path.GetFullPath(folder)}.");
        return 0;
    }

    return await ImageSearchApp.RunAsync(cancellation.Token) ? 0 : 3;
}
catch (ModelNotFoundException e)
{
    await Console.Error.WriteLineAsync(e.Message); // names the PackageDownload line to add
    return 2;
}
catch (Exception e) when (e is ModelIntegrityException or LanceDbException or InvalidOperationException or InvalidDataException or IOException or ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
