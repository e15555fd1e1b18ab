using SkiaSharp;

namespace LanceOrm.Embeddings.Images;

/// <summary>Checks, once, that Skia's native library loads, so that a missing one is a clear error rather than a type-initializer failure mid-batch.</summary>
internal static class SkiaNativeLibrary
{
    private static readonly Lazy<Exception?> Failure = new(Probe);

    /// <summary>The line a Linux application adds to get the native library.</summary>
    public const string LinuxPackageLine = "<PackageReference Include=\"SkiaSharp.NativeAssets.Linux.NoDependencies\" Version=\"3.119.4\" />";

    /// <exception cref="DllNotFoundException">The native libSkiaSharp cannot be loaded; the message names the package to add.</exception>
    public static void EnsureLoaded()
    {
        if (Failure.Value is { } e)
        {
            throw new DllNotFoundException(
                $"Skia's native library (libSkiaSharp), which LanceOrm decodes images with, could not be loaded ({e.GetType().Name}: {e.Message}). SkiaSharp brings it for Windows and macOS; on Linux the application adds {LinuxPackageLine}.",
                e);
        }
    }

    private static Exception? Probe()
    {
        try
        {
            using var bitmap = new SKBitmap(1, 1);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            return e;
        }
    }
}
