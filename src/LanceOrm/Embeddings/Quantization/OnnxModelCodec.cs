using Google.Protobuf;
using LanceOrm.Embeddings.Quantization.Onnx;

namespace LanceOrm.Embeddings.Quantization;

/// <summary>
/// Reads and writes ONNX <see cref="ModelProto"/> files through the classes generated from the vendored
/// <c>onnx.proto</c> (Google.Protobuf's generated parsers: no reflection-based serializer, AOT-clean).
/// </summary>
internal static class OnnxModelCodec
{
    /// <summary>Parses the model at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model (not a ModelProto, or one without a graph).</exception>
    public static async Task<ModelProto> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"'{path}' is not an ONNX model: {e.Message}", e);
        }

        if (model.Graph is null || model.Graph.Node.Count == 0 || model.OpsetImport.Count == 0)
        {
            throw new InvalidDataException($"'{path}' is not an ONNX model: it has no graph nodes or no opset import.");
        }

        return model;
    }

    /// <summary>Serialises <paramref name="model"/> to <paramref name="path"/> (created or overwritten) and flushes it to disk.</summary>
    public static async Task WriteAsync(ModelProto model, string path, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(model.ToByteArray(), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }
}
