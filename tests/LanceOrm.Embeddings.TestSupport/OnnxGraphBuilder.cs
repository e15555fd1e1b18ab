namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Builds an ONNX ModelProto (IR 8, default opset 17) from nodes, float/int64 initializers and typed inputs/outputs.
/// Field numbers follow onnx/onnx.proto3: ModelProto{ir_version 1, producer_name 2, graph 7, opset_import 8},
/// GraphProto{node 1, name 2, initializer 5, input 11, output 12}, NodeProto{input 1, output 2, name 3, op_type 4,
/// attribute 5}, AttributeProto{name 1, i 3, type 20}, TensorProto{dims 1, data_type 2, name 8, raw_data 9},
/// ValueInfoProto{name 1, type 2}, TypeProto{tensor_type 1}, TypeProto.Tensor{elem_type 1, shape 2},
/// TensorShapeProto{dim 1}, Dimension{dim_value 1, dim_param 2}, OperatorSetIdProto{domain 1, version 2}.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>TensorProto.DataType.FLOAT.</summary>
    public const int Float = 1;

    /// <summary>TensorProto.DataType.INT64.</summary>
    public const int Int64 = 7;

    private readonly List<Action<OnnxProtoWriter>> _nodes = [];
    private readonly List<Action<OnnxProtoWriter>> _initializers = [];
    private readonly List<Action<OnnxProtoWriter>> _inputs = [];
    private readonly List<Action<OnnxProtoWriter>> _outputs = [];
    private int _nodeCount;

    /// <summary>Adds a node; <paramref name="intAttributes"/> are INT attributes (for example <c>axis</c>, <c>to</c>).</summary>
    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, params (string Name, long Value)[] intAttributes)
    {
        var name = $"{opType}_{_nodeCount++}";
        _nodes.Add(w =>
        {
            foreach (var input in inputs)
            {
                w.String(1, input);
            }

            foreach (var output in outputs)
            {
                w.String(2, output);
            }

            w.String(3, name).String(4, opType);
            foreach (var (attributeName, value) in intAttributes)
            {
                w.Message(5, a => a.String(1, attributeName).Int64(3, value).Int32(20, 2 /* AttributeType.INT */));
            }
        });
        return this;
    }

    /// <summary>Adds a float initializer (raw little-endian data).</summary>
    public OnnxGraphBuilder FloatInitializer(string name, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return Initializer(name, dims, Float, raw);
    }

    /// <summary>Adds an int64 initializer (raw little-endian data); an empty <paramref name="dims"/> is a scalar.</summary>
    public OnnxGraphBuilder Int64Initializer(string name, long[] dims, long[] values)
    {
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return Initializer(name, dims, Int64, raw);
    }

    /// <summary>Adds a graph input; a dimension is a number or a symbolic name.</summary>
    public OnnxGraphBuilder Input(string name, int elementType, params object[] shape)
    {
        _inputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Adds a graph output; a dimension is a number or a symbolic name.</summary>
    public OnnxGraphBuilder Output(string name, int elementType, params object[] shape)
    {
        _outputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    /// <summary>Serialises the ModelProto.</summary>
    public byte[] Build(string graphName = "lanceorm_test_model")
    {
        var model = new OnnxProtoWriter();
        model.Int64(1, 8).String(2, "LanceOrm.Embeddings.TestSupport");
        model.Message(7, g =>
        {
            foreach (var node in _nodes)
            {
                g.Message(1, node);
            }

            g.String(2, graphName);
            foreach (var initializer in _initializers)
            {
                g.Message(5, initializer);
            }

            foreach (var input in _inputs)
            {
                g.Message(11, input);
            }

            foreach (var output in _outputs)
            {
                g.Message(12, output);
            }
        });
        model.Message(8, o => o.String(1, "").Int64(2, 17));
        return model.ToArray();
    }

    private OnnxGraphBuilder Initializer(string name, long[] dims, int dataType, byte[] raw)
    {
        _initializers.Add(w =>
        {
            foreach (var dim in dims)
            {
                w.Int64(1, dim);
            }

            w.Int32(2, dataType).String(8, name).Bytes(9, raw);
        });
        return this;
    }

    private static Action<OnnxProtoWriter> ValueInfo(string name, int elementType, object[] shape) => w => w
        .String(1, name)
        .Message(2, type => type.Message(1, tensor => tensor
            .Int32(1, elementType)
            .Message(2, s =>
            {
                foreach (var dim in shape)
                {
                    s.Message(1, d => _ = dim is string symbol ? d.String(2, symbol) : d.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
                }
            })));
}
