namespace LanceOrm.Embeddings;

/// <summary>
/// The NuGet packages folders a restored model package may lie in: those the application's restore used (runtimeconfig
/// property <see cref="Key"/>, set by the LanceOrm package's <c>buildTransitive/LanceOrm.targets</c>), then
/// <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.
/// </summary>
internal static class NuGetPackageFolders
{
    /// <summary>
    /// The runtimeconfig.json property that the LanceOrm package's <c>buildTransitive/LanceOrm.targets</c> sets to the
    /// application's NuGet packages folders (<c>$(NuGetPackageFolders)</c>: the global packages folder as the application's
    /// nuget.config sets it, then any fallback folders).
    /// </summary>
    public const string Key = "LanceOrm.NuGetPackageFolders";

    /// <summary>The folders, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Of(Func<string, string?> environment, Func<string, object?>? appContextData)
    {
        var folders = new List<string>();
        if (appContextData?.Invoke(Key) is string restored)
        {
            folders.AddRange(restored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        if (environment("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            folders.Add(configured);
        }
        else
        {
            var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            folders.Add(Path.Combine(home, ".nuget", "packages"));
        }

        return [.. folders.Select(f => Path.TrimEndingDirectorySeparator(f)).Distinct(StringComparer.Ordinal)];
    }
}
