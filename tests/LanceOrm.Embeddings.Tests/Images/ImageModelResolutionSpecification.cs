using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>Where the resnet18 files come from, how they are verified, and what a user reads when they are missing.</summary>
public sealed class ImageModelResolutionSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImageModelResolver Resolver(ResNet18Options options, string? packagesFolder = null, string? baseDirectory = null) =>
        new(options, name => name == "NUGET_PACKAGES" ? packagesFolder ?? TempDirectory.Create("no-packages") : null, null, baseDirectory ?? TempDirectory.Create("no-app"));

    [Fact]
    public async Task The_restored_package_is_found_in_the_packages_folder_and_batched_into_the_cache()
    {
        var packages = Path.GetFullPath(Path.Combine(SharedModelFiles.ResNet18Directory, "..", "..", "..", ".."));
        var cache = TempDirectory.Create("resnet-cache");

        var files = await Resolver(new ResNet18Options { CacheDirectory = cache }, packages).ResolveAsync(Ct);

        Assert.StartsWith("NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1", files.Origin);
        Assert.StartsWith(Path.Combine(cache, "resnet18"), files.ModelPath);
        Assert.True(File.Exists(files.ModelPath + ".sha256"));
    }

    [Fact]
    public async Task A_missing_model_lists_the_places_looked_and_gives_the_PackageDownload_line()
    {
        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            Resolver(new ResNet18Options { ModelDirectory = TempDirectory.Create("empty-model") }).ResolveAsync(Ct));

        Assert.Equal("resnet18", error.ModelName);
        Assert.Contains("""<PackageDownload Include="Microsoft.ML.DnnImageFeaturizer.ResNet18" Version="[0.23.1]" />""", error.Message);
        Assert.Contains("ResNet18Options.ModelDirectory", error.Message);
        Assert.Contains("LANCEORM_RESNET18_DIR", error.Message);
        Assert.Contains("DnnImageModels", error.Message);
        Assert.Equal(4, error.PlacesLooked.Count);
    }

    [Fact]
    public async Task A_model_file_of_another_content_is_a_ModelIntegrityException()
    {
        var folder = TempDirectory.Create("tampered-model");
        var manifest = ImageModelManifest.ResNet18;
        File.Copy(Path.Combine(SharedModelFiles.ResNet18Directory, manifest.Preprocessing.Path), Path.Combine(folder, "ResNetPreprocess.onnx"));
        await using (var tampered = File.Create(Path.Combine(folder, "ResNet18.onnx")))
        {
            tampered.SetLength(manifest.Model.Size); // the right size, all zeros
        }

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() =>
            Resolver(new ResNet18Options { ModelDirectory = folder, CacheDirectory = TempDirectory.Create("unused-cache") }).ResolveAsync(Ct));

        Assert.Contains(manifest.Model.Sha256, error.Message);
        Assert.Contains("ResNet18Options.ModelDirectory", error.Message);
        Assert.Equal(Path.Combine(folder, "ResNet18.onnx"), error.FilePath);
    }

    [Fact]
    public async Task A_damaged_cached_batch_model_is_written_again()
    {
        var cache = TempDirectory.Create("resnet-damaged-cache");
        var options = new ResNet18Options { ModelDirectory = SharedModelFiles.ResNet18Directory, CacheDirectory = cache };
        var first = await Resolver(options).ResolveAsync(Ct);
        var good = await File.ReadAllBytesAsync(first.ModelPath, Ct);
        await File.WriteAllBytesAsync(first.ModelPath, good[..1000], Ct);

        var second = await Resolver(options).ResolveAsync(Ct);

        Assert.Equal(first.ModelPath, second.ModelPath);
        Assert.Equal(good, await File.ReadAllBytesAsync(second.ModelPath, Ct));
    }
}
