using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Onnx;

/// <summary>The real factory: ONNX Runtime sessions with all graph optimizations, on the CPU or on CUDA.</summary>
internal sealed class OnnxSessionFactory : IOnnxSessionFactory
{
    /// <summary>The ONNX Runtime name of the CUDA provider.</summary>
    public const string CudaProviderName = "CUDAExecutionProvider";

    public static OnnxSessionFactory Instance { get; } = new();

    public IReadOnlyCollection<string> AvailableProviders() => OrtEnv.Instance().GetAvailableProviders();

    public IOnnxRunner Create(string modelPath, OnnxExecutionProvider provider, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
        };
        if (provider.Kind == ExecutionProviderKind.Cuda)
        {
            // Throws when the loaded native library has no CUDA provider (the CPU package: EntryPointNotFoundException)
            // or when CUDA/cuDNN cannot be loaded or the device does not exist (OnnxRuntimeException).
            options.AppendExecutionProvider_CUDA(provider.DeviceId);
        }

        return new InferenceSessionRunner(new InferenceSession(modelPath, options));
    }
}
