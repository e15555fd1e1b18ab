using LanceOrm.Embeddings.Quantization;
using LanceOrm.Embeddings.Quantization.Onnx;

namespace LanceOrm.Embeddings;

/// <summary>
/// An image model whose graph input and output have a fixed batch dimension of 1 (the CNTK export of ResNet-18), made to
/// take any batch: dimension 0 of the graph input and output becomes the symbolic <c>N</c> and <c>graph.value_info</c>
/// (shapes inferred at export for batch 1) is cleared, so ONNX Runtime infers the shapes again; the results are the same.
/// The rewritten model is written once into the model cache as <c>{name}.batch.{source SHA-256}.{Version}.onnx</c> with
/// its SHA-256 in a <c>.sha256</c> file beside it: a temporary file is written, its checksum too, both renamed into
/// place; later loads verify the checksum and reuse the file, or write it again when it does not match.
/// </summary>
internal static class BatchedModelCache
{
    /// <summary>Names the rewrite; change it whenever the rewrite changes, so old cached files are not reused.</summary>
    public const string Version = "b1";

    /// <summary>The symbolic batch dimension's name.</summary>
    public const string BatchDimension = "N";

    /// <summary>The path of the batched model made from the verified <paramref name="sourcePath"/>, written into <paramref name="cacheFolder"/> when needed.</summary>
    /// <exception cref="InvalidDataException">The model lacks the manifest's input or output.</exception>
    public static async Task<string> GetOrCreateAsync(string sourcePath, ImageModelManifest manifest, string cacheFolder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(cacheFolder);
        var target = Path.Combine(cacheFolder, $"{manifest.Name}.batch.{manifest.Model.Sha256}.{Version}.onnx");
        if (await CheckedModelFile.IsIntactAsync(target, cancellationToken).ConfigureAwait(false))
        {
            return target;
        }

        var model = await OnnxModelCodec.ReadAsync(sourcePath, cancellationToken).ConfigureAwait(false);
        MakeBatchSymbolic(model, manifest, sourcePath);
        await CheckedModelFile.WriteAsync(model, target, prove: null, cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>Makes dimension 0 of <paramref name="manifest"/>'s input and output symbolic and clears the inferred shapes.</summary>
    internal static void MakeBatchSymbolic(ModelProto model, ImageModelManifest manifest, string sourcePath)
    {
        var graph = model.Graph;
        SetBatch(graph.Input.FirstOrDefault(v => v.Name == manifest.Input), manifest.Input, "input", sourcePath);
        SetBatch(graph.Output.FirstOrDefault(v => v.Name == manifest.Output), manifest.Output, "output", sourcePath);
        graph.ValueInfo.Clear();
    }

    private static void SetBatch(ValueInfoProto? value, string name, string kind, string sourcePath)
    {
        var dims = value?.Type?.TensorType?.Shape?.Dim;
        if (dims is not { Count: > 0 })
        {
            throw new InvalidDataException($"The model '{sourcePath}' has no {kind} '{name}' with a shape.");
        }

        dims[0] = new TensorShapeProto.Types.Dimension { DimParam = BatchDimension };
    }
}
