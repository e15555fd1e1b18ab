using Google.Protobuf;
using LanceOrm.Embeddings.Quantization;
using LanceOrm.Embeddings.Quantization.Onnx;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The int8 rewrite on a tiny generated graph: <c>Y = X·W + B</c> (constant weight and bias), <c>G = Gemm(X, Wᵀ, C, transB=1)</c>
/// (constant, transposed weight with bias) and <c>Z = X·V</c> (V a graph input: activation × activation), run by ONNX
/// Runtime before and after, checked element by element against the bound the quantization steps allow.
/// </summary>
public sealed class DynamicQuantizerSpecification
{
    private const int Rows = 5, Depth = 24, Columns = 7;

    [Theory]
    [InlineData("PerColumn", "DynamicQuantizeMatMul", true)]
    [InlineData("PerColumn", "DynamicQuantizeMatMul", false)]
    [InlineData("PerTensor", "DynamicQuantizeMatMul", true)]
    [InlineData("PerColumn", "MatMulInteger", true)]
    [InlineData("PerTensor", "MatMulInteger", true)]
    public void Quantized_weight_products_match_the_float_products_within_the_quantization_error(string scales, string operators, bool fuseBias)
    {
        var granularity = Enum.Parse<WeightGranularity>(scales);
        var op = Enum.Parse<QuantizedOperator>(operators);
        var random = new Random(14);
        var weight = RandomValues(random, Depth * Columns, 0.5f);
        var transposedWeight = RandomValues(random, Columns * Depth, 2f);
        var bias = RandomValues(random, Columns, 1f);
        var x = RandomValues(random, Rows * Depth, 3f);
        var v = RandomValues(random, Depth * Columns, 1f);
        var fp32 = Graph(weight, transposedWeight, bias);
        var model = ModelProto.Parser.ParseFrom(fp32);

        var summary = DynamicQuantizer.Quantize(model, new DynamicQuantizerOptions(granularity, op, ReducedRange: true, fuseBias));

        var fused = fuseBias && op == QuantizedOperator.DynamicQuantizeMatMul ? 1 : 0;
        Assert.Equal(new QuantizationSummary(QuantizedMatMuls: 1, QuantizedGemms: 1, KeptMatMuls: 1, RemovedFloatWeights: 2, FusedBiasAdds: fused), summary);
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name is "W" or "Wt");
        Assert.Contains(model.Graph.Initializer, t => t.Name == "C");
        Assert.Contains(model.Graph.Initializer, t => t.Name == "B");
        var expected = Run(fp32, x, v);
        var actual = Run(model.ToByteArray(), x, v);
        var columnsOfWt = Transpose(transposedWeight, Columns, Depth);
        AssertWithinQuantizationError(x, weight, expected["Y"], actual["Y"], granularity, 63);
        Assert.Equal(expected["R"], actual["R"]);
        AssertWithinQuantizationError(x, columnsOfWt, expected["G"], actual["G"], granularity, 63);
        Assert.Equal(expected["Z"], actual["Z"]);
    }

    [Fact]
    public void Only_weight_products_are_rewritten_and_the_contrib_opset_is_imported_for_DynamicQuantizeMatMul()
    {
        var random = new Random(15);
        var original = ModelProto.Parser.ParseFrom(Graph(RandomValues(random, Depth * Columns, 1f), RandomValues(random, Columns * Depth, 1f), RandomValues(random, Columns, 1f)));
        Assert.Equal(["MatMul", "Add", "Gemm", "MatMul", "Relu"], original.Graph.Node.Select(n => n.OpType));
        var model = original.Clone();

        DynamicQuantizer.Quantize(model, DynamicQuantizerOptions.Default);

        // Y's bias Add is folded into its DynamicQuantizeMatMul; the Gemm's bias stays an Add.
        Assert.Equal(["DynamicQuantizeMatMul", "DynamicQuantizeMatMul", "Add", "MatMul", "Relu"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["X", "W_quantized", "W_scale", "W_zero_point", "B"], model.Graph.Node[0].Input);
        Assert.Equal(["Y"], model.Graph.Node[0].Output);
        Assert.Equal(original.Graph.Node.Where(n => n.OpType is "Relu" || n.Input.Contains("V")), model.Graph.Node.Where(n => n.OpType is "Relu" || n.Input.Contains("V")));
        Assert.Contains(model.OpsetImport, o => o.Domain == "com.microsoft" && o.Version == 1);
        Assert.Equal(original.Graph.Input, model.Graph.Input);
        Assert.Equal(original.Graph.Output, model.Graph.Output);
        Assert.All(model.Graph.Initializer.Where(t => t.Name.EndsWith("_quantized", StringComparison.Ordinal)), t => Assert.Equal((int)TensorProto.Types.DataType.Int8, t.DataType));
    }

    [Fact]
    public void A_model_older_than_opset_10_is_refused_with_InvalidDataException()
    {
        var model = ModelProto.Parser.ParseFrom(Graph(new float[Depth * Columns], new float[Columns * Depth], new float[Columns]));
        model.OpsetImport[0].Version = 9;

        var error = Assert.Throws<InvalidDataException>(() => DynamicQuantizer.Quantize(model, DynamicQuantizerOptions.Default));

        Assert.Contains("opset 9", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Graph(float[] weight, float[] transposedWeight, float[] bias) => new OnnxGraphBuilder()
        .Input("X", OnnxGraphBuilder.Float, "rows", Depth)
        .Input("V", OnnxGraphBuilder.Float, Depth, Columns)
        .FloatInitializer("W", [Depth, Columns], weight)
        .FloatInitializer("Wt", [Columns, Depth], transposedWeight)
        .FloatInitializer("C", [Columns], bias)
        .FloatInitializer("B", [Columns], [.. bias.Select(b => -b)])
        .Node("MatMul", ["X", "W"], ["XW"])
        .Node("Add", ["XW", "B"], ["Y"])
        .Node("Gemm", ["X", "Wt", "C"], ["G"], ("transB", 1))
        .Node("MatMul", ["X", "V"], ["Z"])
        .Node("Relu", ["Z"], ["R"])
        .Output("Y", OnnxGraphBuilder.Float, "rows", Columns)
        .Output("G", OnnxGraphBuilder.Float, "rows", Columns)
        .Output("Z", OnnxGraphBuilder.Float, "rows", Columns)
        .Output("R", OnnxGraphBuilder.Float, "rows", Columns)
        .Build();

    private static Dictionary<string, float[]> Run(byte[] model, float[] x, float[] v)
    {
        using var session = new InferenceSession(model);
        using var xValue = OrtValue.CreateTensorValueFromMemory(x, [Rows, Depth]);
        using var vValue = OrtValue.CreateTensorValueFromMemory(v, [Depth, Columns]);
        string[] names = ["Y", "G", "Z", "R"];
        using var outputs = session.Run(new RunOptions(), ["X", "V"], [xValue, vValue], names);
        return names.Select((name, i) => (name, outputs[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary();
    }

    /// <summary>
    /// |Σ x·w − Σ x̂·ŵ| ≤ Σ_k (|x_k|·Δw/2 + |w_k|·Δx/2 + Δx·Δw/4), with Δw the weight step (its column's or the tensor's
    /// max|w|/127, or /63 for the reduced range) and Δx the activation step ((max(x, 0) − min(x, 0))/255, DynamicQuantizeLinear's uint8 range); plus a
    /// float rounding allowance.
    /// </summary>
    private static void AssertWithinQuantizationError(float[] x, float[] weight, float[] expected, float[] actual, WeightGranularity granularity, double levels)
    {
        var xStep = (Math.Max(x.Max(), 0f) - Math.Min(x.Min(), 0f)) / 255.0;
        var moved = false;
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var wStep = (granularity == WeightGranularity.PerColumn
                    ? Enumerable.Range(0, Depth).Max(k => Math.Abs(weight[k * Columns + c]))
                    : weight.Max(Math.Abs)) / levels;
                var bound = 1e-4 + Enumerable.Range(0, Depth).Sum(k =>
                    Math.Abs(x[r * Depth + k]) * wStep / 2 + Math.Abs(weight[k * Columns + c]) * xStep / 2 + xStep * wStep / 4);
                var error = Math.Abs(expected[r * Columns + c] - actual[r * Columns + c]);
                Assert.True(error <= bound, $"[{r}, {c}]: fp32 {expected[r * Columns + c]}, int8 {actual[r * Columns + c]}, error {error} > bound {bound}");
                moved |= error > 0;
            }
        }

        Assert.True(moved, "The int8 products equal the fp32 ones exactly: the weights were not quantized.");
    }

    private static float[] RandomValues(Random random, int count, float magnitude) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * magnitude)];

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
}
