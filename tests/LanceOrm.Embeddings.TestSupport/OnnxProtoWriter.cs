using Google.Protobuf;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Writes the few ONNX protobuf messages a small model needs (field numbers from onnx/onnx.proto3, the ONNX project's
/// schema, MIT licence) with Google.Protobuf's <see cref="CodedOutputStream"/> doing the wire format.
/// </summary>
internal sealed class OnnxProtoWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly CodedOutputStream _output;

    public OnnxProtoWriter() => _output = new CodedOutputStream(_buffer, leaveOpen: true);

    public OnnxProtoWriter Int64(int field, long value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt64(value);
        return this;
    }

    public OnnxProtoWriter Int32(int field, int value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt32(value);
        return this;
    }

    public OnnxProtoWriter String(int field, string value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteString(value);
        return this;
    }

    public OnnxProtoWriter Bytes(int field, byte[] value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(UnsafeByteOperations.UnsafeWrap(value));
        return this;
    }

    public OnnxProtoWriter Message(int field, Action<OnnxProtoWriter> write)
    {
        var child = new OnnxProtoWriter();
        write(child);
        return Bytes(field, child.ToArray());
    }

    public byte[] ToArray()
    {
        _output.Flush();
        return _buffer.ToArray();
    }
}
