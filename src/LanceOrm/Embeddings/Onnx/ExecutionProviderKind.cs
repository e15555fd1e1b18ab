namespace LanceOrm.Embeddings.Onnx;

/// <summary>Which ONNX Runtime execution provider runs a model.</summary>
public enum ExecutionProviderKind
{
    /// <summary>CUDA when the loaded ONNX Runtime lists it, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through CUDA (needs the native package Microsoft.ML.OnnxRuntime.Gpu.Linux or .Gpu.Windows).</summary>
    Cuda,
}
