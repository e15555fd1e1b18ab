namespace LanceOrm.Embeddings.Quantization;

/// <summary>The ONNX Runtime operators a quantized MatMul is written as.</summary>
internal enum QuantizedOperator
{
    /// <summary>One <c>com.microsoft</c> <c>DynamicQuantizeMatMul</c> node (quantizes the activation inside the kernel).</summary>
    DynamicQuantizeMatMul,

    /// <summary>
    /// Standard ONNX operators: <c>DynamicQuantizeLinear</c> → <c>MatMulInteger</c> → <c>Cast</c> → <c>Mul</c> (the form
    /// ONNX Runtime's Python <c>quantize_dynamic</c> writes; its graph optimiser may fuse it back).
    /// </summary>
    MatMulInteger,
}
