namespace LanceOrm.Embeddings.Quantization;

/// <summary>What <see cref="DynamicQuantizer"/> did to a model.</summary>
/// <param name="QuantizedMatMuls">MatMul nodes whose constant weight became int8.</param>
/// <param name="QuantizedGemms">Gemm nodes whose constant weight became int8.</param>
/// <param name="KeptMatMuls">MatMul/Gemm nodes left in fp32 (activation × activation, or a weight that is not a rank-2 float constant).</param>
/// <param name="RemovedFloatWeights">Float initializers dropped because nothing used them any more.</param>
/// <param name="FusedBiasAdds">Bias <c>Add</c> nodes folded into the <c>DynamicQuantizeMatMul</c> before them.</param>
internal sealed record QuantizationSummary(int QuantizedMatMuls, int QuantizedGemms, int KeptMatMuls, int RemovedFloatWeights, int FusedBiasAdds);
