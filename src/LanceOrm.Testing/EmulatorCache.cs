using System.Security.Cryptography;
using System.Text;
using LanceOrm.Embeddings;

namespace LanceOrm.Testing;

/// <summary>One file of the emulator's sources: its path relative to the emulator folder (with <c>/</c>) and its bytes.</summary>
internal sealed record EmulatorSource(string RelativePath, byte[] Content);

/// <summary>
/// The emulator sources embedded in this assembly (resources named <c>lanceorm-emulator/&lt;path&gt;</c>) and their
/// extraction, once per machine, into <c>&lt;cache root&gt;/&lt;content hash&gt;</c>. The files are written and the
/// dependencies installed in a temporary sibling folder, which is then renamed into place, so the final folder is
/// either absent or complete. A lock file per content hash serialises processes that start at once; temporary folders
/// left by an interrupted extraction are deleted by the next one that holds the lock.
/// </summary>
internal static class EmulatorCache
{
    internal const string ResourcePrefix = "lanceorm-emulator/";

    private static readonly Lazy<IReadOnlyList<EmulatorSource>> Embedded = new(ReadEmbedded);

    /// <summary>The sources embedded in LanceOrm.Testing.dll, sorted by path.</summary>
    public static IReadOnlyList<EmulatorSource> EmbeddedSources => Embedded.Value;

    /// <summary>The default cache root: <c>$XDG_CACHE_HOME/lanceorm/emulator</c>, else <c>~/.cache/lanceorm/emulator</c> (LocalApplicationData on Windows).</summary>
    public static string DefaultRoot(Func<string, string?> environment) => CacheFolders.Of("emulator", environment);

    /// <summary>The folder name for a set of sources: the first 16 hex digits of a SHA-256 over their paths and contents.</summary>
    public static string Key(IReadOnlyList<EmulatorSource> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources.OrderBy(s => s.RelativePath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.RelativePath));
            hash.AppendData(BitConverter.GetBytes((long)source.Content.Length));
            hash.AppendData(source.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// Returns <c>&lt;root&gt;/&lt;key&gt;</c>, extracting <paramref name="sources"/> there and running
    /// <paramref name="install"/> (<c>npm ci</c>) first when it is not complete yet.
    /// </summary>
    public static async Task<string> EnsureAsync(string root, IReadOnlyList<EmulatorSource> sources, Func<string, CancellationToken, Task> install, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (sources.Count == 0)
        {
            throw new InvalidOperationException("LanceOrm.Testing.dll carries no emulator sources (resources named 'lanceorm-emulator/…').");
        }

        root = Path.GetFullPath(root);
        var key = Key(sources);
        var target = Path.Combine(root, key);
        if (IsComplete(target))
        {
            return target;
        }

        Directory.CreateDirectory(root);
        await using var gate = await AcquireLockAsync(Path.Combine(root, key + ".lock"), cancellationToken).ConfigureAwait(false);
        if (IsComplete(target))
        {
            return target; // another process finished it while this one waited
        }

        // Holding the lock, nobody else is extracting this key: whatever is left is from an interrupted run.
        foreach (var stale in Directory.EnumerateDirectories(root, key + ".tmp-*"))
        {
            TryDelete(stale);
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true); // damaged by hand (e.g. node_modules deleted): start over
        }

        var temporary = Path.Combine(root, key + ".tmp-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            foreach (var source in sources)
            {
                var path = Path.GetFullPath(Path.Combine(temporary, source.RelativePath));
                if (!path.StartsWith(temporary + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Emulator source path '{source.RelativePath}' leaves the emulator folder.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, source.Content, cancellationToken).ConfigureAwait(false);
            }

            await install(temporary, cancellationToken).ConfigureAwait(false);
            Directory.Move(temporary, target);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return target;
    }

    private static bool IsComplete(string directory) =>
        File.Exists(Path.Combine(directory, "server.mjs")) && Directory.Exists(Path.Combine(directory, "node_modules"));

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix) that the OS releases when the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IReadOnlyList<EmulatorSource> ReadEmbedded()
    {
        var assembly = typeof(EmulatorCache).Assembly;
        var sources = new List<EmulatorSource>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            sources.Add(new EmulatorSource(name[ResourcePrefix.Length..].Replace('\\', '/'), buffer.ToArray()));
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return sources;
    }
}
