using LanceOrm.Embeddings.Quantization;

namespace LanceOrm.Embeddings;

/// <summary>
/// Finds an image model's ONNX files, in order: <see cref="OnnxModelOptions.ModelDirectory"/>, the model's environment
/// variable, the restored NuGet package that carries it (in the application's packages folders, see
/// <see cref="NuGetPackageFolders"/>), then <c>AppContext.BaseDirectory/DnnImageModels</c> (where the package's own
/// props copy the files when it is referenced). A folder may hold the package layout (<c>ResNet18Onnx/ResNet18.onnx</c>
/// and <c>ResNetPrepOnnx/ResNetPreprocess.onnx</c>) or the two files. Both are verified against their pinned size and
/// SHA-256; the model's batch dimension is then made symbolic once, into the user model cache (<see cref="BatchedModelCache"/>). Nothing is downloaded.
/// </summary>
internal sealed class ImageModelResolver
{
    private readonly ResNet18Options _options;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, object?>? _appContextData;
    private readonly string _baseDirectory;

    /// <summary>Creates a resolver that reads the process environment.</summary>
    public ImageModelResolver(ResNet18Options options)
        : this(options, Environment.GetEnvironmentVariable, AppContext.GetData, AppContext.BaseDirectory)
    {
    }

    internal ImageModelResolver(ResNet18Options options, Func<string, string?> environment, Func<string, object?>? appContextData, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _environment = environment;
        _appContextData = appContextData;
        _baseDirectory = baseDirectory;
    }

    /// <summary>The model's folder in the user cache (where the batched model goes).</summary>
    public string CacheModelDirectory =>
        Path.Combine(string.IsNullOrWhiteSpace(_options.CacheDirectory) ? CacheFolders.Of("models", _environment) : _options.CacheDirectory, _options.Manifest.Name);

    /// <summary>Finds, verifies and prepares the model.</summary>
    /// <exception cref="ModelNotFoundException">No model file anywhere; the message lists each place and the <c>PackageDownload</c> line.</exception>
    /// <exception cref="ModelIntegrityException">A model file was found whose size or SHA-256 is not the pinned one.</exception>
    public async Task<ImageModelFiles> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var (path, preprocessing, origin) = Locate();
        await VerifyAsync(path, _options.Manifest.Model, origin, cancellationToken).ConfigureAwait(false);
        await VerifyAsync(preprocessing, _options.Manifest.Preprocessing, origin, cancellationToken).ConfigureAwait(false);
        var batched = await BatchedModelCache.GetOrCreateAsync(path, _options.Manifest, CacheModelDirectory, cancellationToken).ConfigureAwait(false);
        return new ImageModelFiles(path, batched, preprocessing, origin);
    }

    /// <summary>Throws <see cref="ModelIntegrityException"/> unless <paramref name="path"/> has <paramref name="expected"/>'s size and SHA-256.</summary>
    internal static async Task VerifyAsync(string path, ModelFile expected, string origin, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        if (size != expected.Size)
        {
            throw new ModelIntegrityException(path, origin, $"{expected.Size} bytes", $"{size} bytes");
        }

        var actual = await CheckedModelFile.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(actual, expected.Sha256, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(path, origin, $"SHA-256 {expected.Sha256}", $"SHA-256 {actual}");
        }
    }

    private (string Model, string Preprocessing, string Origin) Locate()
    {
        var name = _options.OptionsName;
        var manifest = _options.Manifest;
        var places = new List<string>();
        var variable = _options.ModelDirectoryVariableName;
        var candidates = new List<(string? Folder, string Origin)>
        {
            (_options.ModelDirectory, $"{name}.ModelDirectory"),
            (_environment(variable), $"environment variable {variable}"),
        };
        if (_options.AllowNuGetPackage)
        {
            candidates.AddRange(NuGetPackageFolders.Of(_environment, _appContextData)
                .Select(f => ((string?)manifest.PackageModelFolder(f), $"NuGet package {manifest.PackageId} {manifest.PackageVersion} in {f}")));
        }

        candidates.Add((Path.Combine(_baseDirectory, "DnnImageModels"), "the application folder (DnnImageModels, copied there when the package is referenced)"));
        foreach (var (folder, origin) in candidates)
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                places.Add($"{origin}: not set");
                continue;
            }

            if (!Directory.Exists(folder))
            {
                places.Add($"{origin} = {folder}: the folder does not exist");
                continue;
            }

            var model = Find(folder, manifest.Model);
            var preprocessing = Find(folder, manifest.Preprocessing);
            if (model is not null && preprocessing is not null)
            {
                return (model, preprocessing, origin);
            }

            var missing = new[] { (model, manifest.Model), (preprocessing, manifest.Preprocessing) }
                .Where(f => f.Item1 is null).Select(f => $"{f.Item2.Path} (or {Path.GetFileName(f.Item2.Path)})");
            places.Add($"{origin} = {folder}: missing {string.Join(" and ", missing)}");
        }

        if (!_options.AllowNuGetPackage)
        {
            places.Add($"NuGet package {manifest.PackageId} {manifest.PackageVersion}: not looked for, {name}.AllowNuGetPackage is false");
        }

        throw new ModelNotFoundException(manifest.Name, places,
        [
            $"add {manifest.PackageDownloadLine} to the application's project and restore it (the files are read from the packages folder; nothing reaches bin/)",
            $"set {name}.ModelDirectory, or the environment variable {variable}, to a folder holding {manifest.Model.Path} and {manifest.Preprocessing.Path} (or both files directly)",
        ]);
    }

    private static string? Find(string folder, ModelFile file) =>
        new[] { Path.Combine(folder, file.Path), Path.Combine(folder, Path.GetFileName(file.Path)) }.Where(File.Exists).Select(Path.GetFullPath).FirstOrDefault();
}
