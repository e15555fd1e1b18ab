namespace LanceOrm.Embeddings.Quantization;

/// <summary>How <see cref="DynamicQuantizer"/> rewrites the weights.</summary>
/// <param name="Granularity">Per-tensor or per-column weight scales.</param>
/// <param name="Operator">The operators a quantized MatMul becomes.</param>
/// <param name="ReducedRange">
/// Weights in [-63, 63] (7 bits) instead of [-127, 127]. ONNX Runtime's x64 int8 kernels without AVX-512 VNNI (AVX2,
/// AVX-512BW) multiply the uint8 activation by the int8 weight with <c>vpmaddubsw</c>, whose 16-bit sum of two products
/// saturates when both are large (255 × 127 × 2 &gt; 32,767); 7-bit weights keep every sum in range (ONNX Runtime's
/// <c>reduce_range</c>).
/// </param>
/// <param name="FuseBias">
/// With <see cref="QuantizedOperator.DynamicQuantizeMatMul"/>: a MatMul whose only consumer adds a constant bias becomes
/// one <c>DynamicQuantizeMatMul</c> with that bias input, and the <c>Add</c> goes.
/// </param>
internal sealed record DynamicQuantizerOptions(WeightGranularity Granularity, QuantizedOperator Operator, bool ReducedRange, bool FuseBias)
{
    /// <summary>What the model cache produces (chosen by the embedding benchmark's measurements).</summary>
    public static DynamicQuantizerOptions Default { get; } = new(WeightGranularity.PerColumn, QuantizedOperator.DynamicQuantizeMatMul, ReducedRange: true, FuseBias: true);
}
