namespace LanceOrm.Embeddings;

/// <summary>
/// Settings of <see cref="ResNet18EmbeddingGenerator"/> (the ImageNet ResNet-18 of the NuGet package
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1). The model is looked for in
/// <see cref="OnnxModelOptions.ModelDirectory"/>, then <see cref="ModelDirectoryVariable"/>, then the restored package
/// (add <c>&lt;PackageDownload Include="Microsoft.ML.DnnImageFeaturizer.ResNet18" Version="[0.23.1]" /&gt;</c> to the
/// application's project), then <c>DnnImageModels</c> beside the application; it is never downloaded from a hub. fp32 only.
/// </summary>
public sealed class ResNet18Options : OnnxModelOptions
{
    /// <summary>The environment variable naming a model directory: <c>LANCEORM_RESNET18_DIR</c>.</summary>
    public const string ModelDirectoryVariable = "LANCEORM_RESNET18_DIR";

    /// <summary>Creates the settings: 16 images per inference batch.</summary>
    public ResNet18Options() => MaxBatchSize = 16;

    internal override string OptionsName => nameof(ResNet18Options);

    internal override string ModelDirectoryVariableName => ModelDirectoryVariable;

    /// <summary>What to find and verify (settable for tests: generated files with their own hashes).</summary>
    internal ImageModelManifest Manifest { get; set; } = ImageModelManifest.ResNet18;

    internal override void Validate()
    {
        base.Validate();
        ArgumentNullException.ThrowIfNull(Manifest, nameof(Manifest));
        if (Precision == ModelPrecision.Int8)
        {
            throw new ArgumentException(
                $"{OptionsName}.Precision = Int8 is not supported: LanceOrm's int8 quantizer rewrites MatMul/Gemm weights only, and ResNet-18 is made of convolutions. Use ModelPrecision.Float32.",
                nameof(Precision));
        }
    }
}
