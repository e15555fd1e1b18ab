using System.Runtime.InteropServices;
using Google.Protobuf;
using LanceOrm.Embeddings.Quantization.Onnx;

namespace LanceOrm.Embeddings.Quantization;

/// <summary>Reads and creates the <see cref="TensorProto"/> initializers the quantizer handles (little-endian raw data).</summary>
internal static class OnnxTensors
{
    /// <summary>Whether <paramref name="tensor"/> is a float tensor stored in the model itself (not external data).</summary>
    public static bool IsEmbeddedFloat(TensorProto tensor) =>
        tensor.DataType == (int)TensorProto.Types.DataType.Float && tensor.DataLocation != TensorProto.Types.DataLocation.External;

    /// <summary>The values of a float tensor (raw data or the <c>float_data</c> field).</summary>
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (!IsEmbeddedFloat(tensor))
        {
            throw new InvalidDataException($"The initializer '{tensor.Name}' is not an embedded float tensor.");
        }

        return tensor.RawData.IsEmpty
            ? [.. tensor.FloatData]
            : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>An int8 tensor.</summary>
    public static TensorProto Int8(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        Create(name, dims, TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(values));

    /// <summary>A float tensor.</summary>
    public static TensorProto Float(string name, long[] dims, ReadOnlySpan<float> values) =>
        Create(name, dims, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values));

    private static TensorProto Create(string name, long[] dims, TensorProto.Types.DataType type, ReadOnlySpan<byte> raw)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is not.");
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
