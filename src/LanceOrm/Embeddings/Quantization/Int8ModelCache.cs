using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Quantization;

/// <summary>
/// The int8 model produced from a fp32 model, once, in a cache folder: <c>model_qint8.{fp32 SHA-256}.{QuantizerVersion}.onnx</c>
/// with its SHA-256 in a <c>.sha256</c> file beside it. Production writes a temporary file, proves it loads in an
/// <see cref="InferenceSession"/>, writes the checksum and renames both into place; later calls verify the checksum and
/// reuse the file, and replace a file that does not match it. The quantizer is deterministic, so two processes producing
/// the same model write identical bytes and their renames cannot leave a mismatched pair behind.
/// </summary>
internal static class Int8ModelCache
{
    /// <summary>Names the quantizer's output format; change it whenever the rewrite changes, so old cached files are not reused.</summary>
    public const string QuantizerVersion = "dq1";

    /// <summary>The path of the int8 model made from <paramref name="fp32ModelPath"/>, produced into <paramref name="cacheFolder"/> if needed.</summary>
    /// <exception cref="FileNotFoundException">The fp32 model does not exist.</exception>
    /// <exception cref="InvalidDataException">The fp32 file is not a usable ONNX model (the message names it).</exception>
    public static Task<string> GetOrCreateAsync(string fp32ModelPath, string cacheFolder, CancellationToken cancellationToken = default) =>
        GetOrCreateAsync(fp32ModelPath, cacheFolder, DynamicQuantizerOptions.Default, QuantizerVersion, cancellationToken);

    /// <summary>As above, with explicit quantizer options and the version tag that names their output (benchmarks compare options).</summary>
    public static async Task<string> GetOrCreateAsync(string fp32ModelPath, string cacheFolder, DynamicQuantizerOptions options, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fp32ModelPath);
        ArgumentException.ThrowIfNullOrEmpty(cacheFolder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(version);
        if (!File.Exists(fp32ModelPath))
        {
            throw new FileNotFoundException($"The fp32 model '{fp32ModelPath}' to quantize does not exist.", fp32ModelPath);
        }

        var sourceHash = await CheckedModelFile.Sha256Async(fp32ModelPath, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(cacheFolder);
        var target = Path.Combine(cacheFolder, $"model_qint8.{sourceHash}.{version}.onnx");
        if (await CheckedModelFile.IsIntactAsync(target, cancellationToken).ConfigureAwait(false))
        {
            return target;
        }

        var model = await OnnxModelCodec.ReadAsync(fp32ModelPath, cancellationToken).ConfigureAwait(false);
        try
        {
            DynamicQuantizer.Quantize(model, options);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{fp32ModelPath}' cannot be quantized: {e.Message}", e);
        }

        await CheckedModelFile.WriteAsync(model, target, written => ProveLoads(written, fp32ModelPath), cancellationToken).ConfigureAwait(false);
        return target;
    }

    private static void ProveLoads(string path, string fp32ModelPath)
    {
        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"The int8 model produced from '{fp32ModelPath}' does not load in ONNX Runtime: {e.Message}", e);
        }
    }
}
