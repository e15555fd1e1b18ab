namespace LanceOrm.Embeddings;

/// <summary>The numeric precision a built-in ONNX model runs in.</summary>
public enum ModelPrecision
{
    /// <summary>The published fp32 weights (default): the vectors the Python reference writes.</summary>
    Float32,

    /// <summary>
    /// int8 weights, produced once on this machine from the fp32 model by dynamic quantization of its MatMul/Gemm weights
    /// and kept in the model cache. Faster on CPUs with int8 dot products (AVX-512 VNNI, AVX-VNNI, ARM dot product);
    /// vectors differ slightly from fp32 (see the README for when the two may share a table).
    /// </summary>
    Int8,
}
