using System.Text.Json;
using LanceOrm.Embeddings.Quantization;
using LanceOrm.Embeddings.Quantization.Onnx;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The int8 all-MiniLM-L6-v2 produced locally from the real fp32 model (restored NuGet package): which nodes the rewrite
/// touches, and how close its vectors stay to fp32.
/// </summary>
public sealed class Int8QuantizationSpecification(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_constant_weight_MatMul_is_rewritten_with_its_bias_and_the_attention_MatMuls_and_other_nodes_are_kept()
    {
        var fp32Path = Path.Combine(RealModelOrSkip(), "onnx", "model.onnx");
        var original = await OnnxModelCodec.ReadAsync(File.Exists(fp32Path) ? fp32Path : Path.Combine(RealModelOrSkip(), "model.onnx"), TestContext.Current.CancellationToken);
        var weights = original.Graph.Initializer.Where(t => t.Dims.Count == 2).Select(t => t.Name).ToHashSet();
        var weightMatMuls = original.Graph.Node.Where(n => n.OpType == "MatMul" && weights.Contains(n.Input[1])).ToList();
        var activationMatMuls = original.Graph.Node.Where(n => n.OpType == "MatMul" && !weights.Contains(n.Input[1])).ToList();
        var biasAdds = original.Graph.Node.Where(n => n.OpType == "Add" && weightMatMuls.Any(m => n.Input.Contains(m.Output[0]))).ToList();
        var model = original.Clone();

        var summary = DynamicQuantizer.Quantize(model, DynamicQuantizerOptions.Default);

        // 6 layers × (Q, K, V, attention output, two feed-forward) weight MatMuls, 6 × 2 attention MatMuls, the pooler Gemm.
        Assert.Equal((36, 12), (weightMatMuls.Count, activationMatMuls.Count));
        Assert.Equal(new QuantizationSummary(QuantizedMatMuls: 36, QuantizedGemms: 1, KeptMatMuls: 12, RemovedFloatWeights: 37, FusedBiasAdds: 36), summary);
        Assert.Equal(36, biasAdds.Count);
        Assert.Equal(37, model.Graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == "com.microsoft"));
        Assert.Equal(activationMatMuls, model.Graph.Node.Where(n => n.OpType == "MatMul"));
        var untouched = original.Graph.Node.Where(n => (n.OpType is not ("MatMul" or "Gemm") || activationMatMuls.Contains(n)) && !biasAdds.Contains(n));
        Assert.Equal(untouched, model.Graph.Node.Where(n => n.OpType != "DynamicQuantizeMatMul" && !n.Name.EndsWith("_bias", StringComparison.Ordinal)));
        Assert.DoesNotContain(model.Graph.Initializer, t => weightMatMuls.Any(n => n.Input[1] == t.Name));
        Assert.Equal(original.Graph.Input, model.Graph.Input);
        Assert.Equal(original.Graph.Output, model.Graph.Output);
    }

    [Fact]
    public async Task The_int8_model_embeds_the_reference_sentences_within_cosine_0_99_of_fp32()
    {
        var directory = RealModelOrSkip();
        var sentences = ReferenceSentences();
        using var fp32 = new MiniLmEmbeddingGenerator(new MiniLmOptions { ModelDirectory = directory, AllowDownload = false });
        // Precision = Int8 on a folder with the fp32 model only: the resolver quantizes it into the cache (Int8ModelCache).
        using var int8 = new MiniLmEmbeddingGenerator(new MiniLmOptions { ModelDirectory = directory, Precision = ModelPrecision.Int8, CacheDirectory = TempDirectory.Create("int8-cache"), AllowDownload = false });

        var expected = await fp32.GenerateAsync(sentences, cancellationToken: TestContext.Current.CancellationToken);
        var actual = await int8.GenerateAsync(sentences, cancellationToken: TestContext.Current.CancellationToken);

        var cosines = sentences.Select((_, i) => Vectors.Cosine(expected[i].Vector.Span, actual[i].Vector.Span)).ToArray();
        for (var i = 0; i < sentences.Length; i++)
        {
            output.WriteLine($"{cosines[i]:F4}  {sentences[i]}");
        }

        var report = $"int8 vs fp32 over {sentences.Length} reference sentences: mean cosine {cosines.Average():F4}, min {cosines.Min():F4}";
        Assert.True(cosines.Average() >= 0.99 && cosines.Min() >= 0.98, report);
        Assert.True(cosines.Max() < 0.99999, $"{report}: the vectors are fp32's, so the int8 model was not used.");
    }

    private static string[] ReferenceSentences()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedModelFiles.TokenizerDirectory!, "reference-embeddings.json")));
        return
        [
            .. document.RootElement.GetProperty("fixtures").EnumerateArray()
                .Single(f => f.GetProperty("model").GetString() == "sentence-transformers/all-MiniLM-L6-v2")
                .GetProperty("examples").EnumerateArray().Select(x => x.GetProperty("sentence").GetString()!),
        ];
    }

    private static string RealModelOrSkip()
    {
        if (SharedModelFiles.RealModelDirectory is not { } directory)
        {
            Assert.Skip(SharedModelFiles.RealModelMissingReason);
            throw new InvalidOperationException("unreachable");
        }

        return directory;
    }
}
