using LanceOrm.Embeddings.Quantization.Onnx;

namespace LanceOrm.Embeddings.Quantization;

/// <summary>
/// Dynamic int8 quantization of an ONNX model's constant MatMul/Gemm weights, after ONNX Runtime's Python
/// <c>quantize_dynamic</c> (onnxruntime/python/tools/quantization): each MatMul (or plain Gemm) whose B input is a rank-2
/// float initializer gets a symmetric int8 weight with its scale(s) and zero point(s) and becomes a
/// <c>DynamicQuantizeMatMul</c> (or <c>DynamicQuantizeLinear</c> → <c>MatMulInteger</c> → <c>Cast</c> → <c>Mul</c>) that
/// quantizes the activation at run time (optionally with the following bias Add folded in). Activation × activation MatMuls (attention scores) stay fp32; float weights no
/// longer used are dropped; every other node, initializer and field is left as it was.
/// </summary>
internal sealed class DynamicQuantizer
{
    private const string MicrosoftDomain = "com.microsoft";

    private readonly DynamicQuantizerOptions _options;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly HashSet<string> _graphInputs;
    private readonly HashSet<string> _names;
    private readonly Dictionary<(string Weight, bool Transposed), (string Values, string Scale, string ZeroPoint)> _quantized = [];
    private readonly Dictionary<string, (string Values, string Scale, string ZeroPoint)> _quantizedActivations = [];
    private readonly Dictionary<string, List<NodeProto>> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<NodeProto> _fusedAdds = new(ReferenceEqualityComparer.Instance);

    private DynamicQuantizer(GraphProto graph, DynamicQuantizerOptions options)
    {
        _graph = graph;
        _options = options;
        _initializers = graph.Initializer.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _graphInputs = graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        _names = [.. _initializers.Keys, .. _graphInputs, .. graph.Node.SelectMany(n => n.Input.Concat(n.Output)), .. graph.Node.Select(n => n.Name)];
    }

    /// <summary>Rewrites <paramref name="model"/> in place and says what it did.</summary>
    /// <exception cref="InvalidDataException">The model's default opset is older than 10 (no integer MatMul).</exception>
    public static QuantizationSummary Quantize(ModelProto model, DynamicQuantizerOptions options)
    {
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;
        if (opset < 10)
        {
            throw new InvalidDataException($"The model imports ONNX opset {opset}; dynamic int8 quantization needs opset 10 or newer.");
        }

        var quantizer = new DynamicQuantizer(model.Graph, options);
        var summary = quantizer.Rewrite();
        if (options.Operator == QuantizedOperator.DynamicQuantizeMatMul && summary.QuantizedMatMuls + summary.QuantizedGemms > 0
            && !model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return summary;
    }

    private QuantizationSummary Rewrite()
    {
        int matMuls = 0, gemms = 0, kept = 0;
        var nodes = _graph.Node.ToList();
        foreach (var node in nodes)
        {
            foreach (var input in node.Input)
            {
                (_consumers.TryGetValue(input, out var list) ? list : _consumers[input] = []).Add(node);
            }
        }

        _graph.Node.Clear();
        foreach (var node in nodes)
        {
            if (_fusedAdds.Contains(node))
            {
                continue;
            }

            var replacement = node.Domain is "" or "ai.onnx" ? node.OpType switch
            {
                "MatMul" => RewriteMatMul(node),
                "Gemm" => RewriteGemm(node),
                _ => null,
            } : null;
            if (replacement is null)
            {
                kept += node.OpType is "MatMul" or "Gemm" ? 1 : 0;
                _graph.Node.Add(node);
                continue;
            }

            matMuls += node.OpType == "MatMul" ? 1 : 0;
            gemms += node.OpType == "Gemm" ? 1 : 0;
            _graph.Node.AddRange(replacement);
        }

        return new QuantizationSummary(matMuls, gemms, kept, RemoveUnusedFloatWeights(), _fusedAdds.Count);
    }

    private List<NodeProto>? RewriteMatMul(NodeProto node)
    {
        if (node.Input.Count != 2 || ConstantMatrix(node.Input[1]) is not { } weight)
        {
            return null;
        }

        var nodes = new List<NodeProto>();
        if (BiasAddOf(node, weight) is { } add)
        {
            _fusedAdds.Add(add.Node);
            QuantizedMatMul(node.Input[0], node.Input[1], weight, transposed: false, add.Node.Output[0], node.Name, nodes, add.Bias);
            return nodes;
        }

        QuantizedMatMul(node.Input[0], node.Input[1], weight, transposed: false, node.Output[0], node.Name, nodes);
        return nodes;
    }

    /// <summary>
    /// With <see cref="DynamicQuantizerOptions.FuseBias"/> and <c>DynamicQuantizeMatMul</c>: the only consumer of the
    /// MatMul's output when it is an <c>Add</c> of a constant [N] float bias (the kernel adds it in its output stage).
    /// </summary>
    private (NodeProto Node, string Bias)? BiasAddOf(NodeProto matMul, TensorProto weight)
    {
        var output = matMul.Output[0];
        if (!_options.FuseBias || _options.Operator != QuantizedOperator.DynamicQuantizeMatMul || _graph.Output.Any(o => o.Name == output)
            || !_consumers.TryGetValue(output, out var consumers) || consumers is not [{ OpType: "Add", Domain: "" or "ai.onnx", Input.Count: 2 } add])
        {
            return null;
        }

        var bias = add.Input[0] == output ? add.Input[1] : add.Input[0];
        return _initializers.TryGetValue(bias, out var tensor) && !_graphInputs.Contains(bias) && OnnxTensors.IsEmbeddedFloat(tensor)
               && tensor.Dims.Count == 1 && tensor.Dims[0] == weight.Dims[1]
            ? (add, bias)
            : null;
    }

    /// <summary>A Gemm that is a plain <c>A × B (+ C)</c>: alpha 1, beta 1 (when C is given), A not transposed.</summary>
    private List<NodeProto>? RewriteGemm(NodeProto node)
    {
        float Float(string name, float fallback) => node.Attribute.FirstOrDefault(a => a.Name == name)?.F ?? fallback;
        long Int(string name) => node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? 0;
        var hasBias = node.Input.Count == 3 && node.Input[2].Length > 0;
        if (node.Input.Count < 2 || Float("alpha", 1f) != 1f || (hasBias && Float("beta", 1f) != 1f) || Int("transA") != 0
            || ConstantMatrix(node.Input[1]) is not { } weight)
        {
            return null;
        }

        var nodes = new List<NodeProto>();
        var product = hasBias ? UniqueName($"{node.Output[0]}_matmul") : node.Output[0];
        QuantizedMatMul(node.Input[0], node.Input[1], weight, transposed: Int("transB") != 0, product, node.Name, nodes);
        if (hasBias)
        {
            nodes.Add(Node("Add", [product, node.Input[2]], [node.Output[0]], $"{node.Name}_bias"));
        }

        return nodes;
    }

    private TensorProto? ConstantMatrix(string name) =>
        _initializers.TryGetValue(name, out var tensor) && !_graphInputs.Contains(name) && tensor.Dims.Count == 2 && OnnxTensors.IsEmbeddedFloat(tensor)
            ? tensor
            : null;

    private void QuantizedMatMul(string activation, string weightName, TensorProto weight, bool transposed, string output, string name, List<NodeProto> nodes, string? bias = null)
    {
        var (values, scale, zeroPoint) = QuantizedInitializers(weightName, weight, transposed);
        if (_options.Operator == QuantizedOperator.DynamicQuantizeMatMul)
        {
            var node = Node("DynamicQuantizeMatMul", bias is null ? [activation, values, scale, zeroPoint] : [activation, values, scale, zeroPoint, bias], [output], $"{name}_quant");
            node.Domain = MicrosoftDomain;
            nodes.Add(node);
            return;
        }

        if (!_quantizedActivations.TryGetValue(activation, out var a))
        {
            a = (UniqueName($"{activation}_quantized"), UniqueName($"{activation}_scale"), UniqueName($"{activation}_zero_point"));
            _quantizedActivations[activation] = a;
            nodes.Add(Node("DynamicQuantizeLinear", [activation], [a.Values, a.Scale, a.ZeroPoint], UniqueName($"{activation}_QuantizeLinear")));
        }

        var integer = UniqueName($"{output}_output_quantized");
        var asFloat = UniqueName($"{output}_output_quantized_cast_output");
        var combinedScale = UniqueName($"{output}_scales_mul_output");
        nodes.Add(Node("MatMulInteger", [a.Values, values, a.ZeroPoint, zeroPoint], [integer], $"{name}_quant"));
        var cast = Node("Cast", [integer], [asFloat], $"{name}_quant_cast");
        cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
        nodes.Add(cast);
        nodes.Add(Node("Mul", [a.Scale, scale], [combinedScale], $"{name}_quant_scales_mul"));
        nodes.Add(Node("Mul", [asFloat, combinedScale], [output], $"{name}_quant_output_scale_mul"));
    }

    private (string Values, string Scale, string ZeroPoint) QuantizedInitializers(string weightName, TensorProto weight, bool transposed)
    {
        if (_quantized.TryGetValue((weightName, transposed), out var names))
        {
            return names;
        }

        int rows = checked((int)weight.Dims[0]), columns = checked((int)weight.Dims[1]);
        var floats = OnnxTensors.ReadFloats(weight);
        if (floats.Length != rows * columns)
        {
            throw new InvalidDataException($"The initializer '{weightName}' holds {floats.Length} values; its shape [{rows}, {columns}] needs {rows * columns}.");
        }

        if (transposed)
        {
            floats = Transpose(floats, rows, columns);
            (rows, columns) = (columns, rows);
        }

        var quantized = QuantizedWeight.Quantize(floats, rows, columns, _options.Granularity, _options.ReducedRange);
        var suffix = transposed ? "_transposed" : "";
        names = (UniqueName($"{weightName}{suffix}_quantized"), UniqueName($"{weightName}{suffix}_scale"), UniqueName($"{weightName}{suffix}_zero_point"));
        long[] scaleDims = quantized.Scales.Length == 1 ? [] : [columns];
        _graph.Initializer.Add(OnnxTensors.Int8(names.Values, [rows, columns], quantized.Values));
        _graph.Initializer.Add(OnnxTensors.Float(names.Scale, scaleDims, quantized.Scales));
        _graph.Initializer.Add(OnnxTensors.Int8(names.ZeroPoint, scaleDims, new sbyte[quantized.Scales.Length]));
        _quantized[(weightName, transposed)] = names;
        return names;
    }

    private int RemoveUnusedFloatWeights()
    {
        var used = new HashSet<string>(_graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        CollectInputs(_graph, used);
        var unused = _quantized.Keys.Select(k => k.Weight).Distinct(StringComparer.Ordinal).Where(w => !used.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        for (var i = _graph.Initializer.Count - 1; i >= 0; i--)
        {
            if (unused.Contains(_graph.Initializer[i].Name))
            {
                _graph.Initializer.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Every value a node reads, in this graph and its subgraphs (If/Loop/Scan bodies can read outer values).</summary>
    private static void CollectInputs(GraphProto graph, HashSet<string> used)
    {
        foreach (var node in graph.Node)
        {
            used.UnionWith(node.Input);
            foreach (var attribute in node.Attribute)
            {
                if (attribute.G is { } subgraph)
                {
                    CollectInputs(subgraph, used);
                }

                foreach (var g in attribute.Graphs)
                {
                    CollectInputs(g, used);
                }
            }
        }
    }

    private static float[] Transpose(float[] values, int rows, int columns)
    {
        var result = new float[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[c * rows + r] = values[r * columns + c];
            }
        }

        return result;
    }

    private string UniqueName(string wanted)
    {
        var name = wanted;
        for (var i = 1; !_names.Add(name); i++)
        {
            name = $"{wanted}_{i}";
        }

        return name;
    }

    private NodeProto Node(string opType, string[] inputs, string[] outputs, string name)
    {
        var node = new NodeProto { OpType = opType, Name = UniqueName(name) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }
}
