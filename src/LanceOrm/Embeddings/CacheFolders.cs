namespace LanceOrm.Embeddings;

/// <summary>
/// LanceOrm's per-user cache folders, side by side: <c>$XDG_CACHE_HOME/lanceorm/{name}</c>, else
/// <c>~/.cache/lanceorm/{name}</c> (LocalApplicationData on Windows). One source for the model cache (LanceOrm) and the
/// emulator cache (LanceOrm.Testing links this file).
/// </summary>
internal static class CacheFolders
{
    /// <summary>The folder <paramref name="name"/> under LanceOrm's cache root, read from <paramref name="environment"/>.</summary>
    public static string Of(string name, Func<string, string?> environment)
    {
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "lanceorm", name);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "lanceorm", name);
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "lanceorm", name);
    }
}
