namespace LanceOrm.Embeddings.Onnx;

/// <summary>
/// Where a local model runs: <see cref="Auto"/> (CUDA when ONNX Runtime lists it, otherwise the CPU), <see cref="Cpu"/>
/// or <see cref="Cuda(int)"/>. Which native ONNX Runtime is loaded is the application's choice: the package
/// <c>Microsoft.ML.OnnxRuntime</c> runs on the CPU only, <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c> /
/// <c>.Gpu.Windows</c> add CUDA.
/// </summary>
public sealed record OnnxExecutionProvider
{
    private OnnxExecutionProvider(ExecutionProviderKind kind, int deviceId)
    {
        Kind = kind;
        DeviceId = deviceId;
    }

    /// <summary>CUDA (device 0) when ONNX Runtime lists it, otherwise the CPU (the default).</summary>
    public static OnnxExecutionProvider Auto { get; } = new(ExecutionProviderKind.Auto, 0);

    /// <summary>The CPU.</summary>
    public static OnnxExecutionProvider Cpu { get; } = new(ExecutionProviderKind.Cpu, 0);

    /// <summary>The kind of provider.</summary>
    public ExecutionProviderKind Kind { get; }

    /// <summary>The CUDA device ordinal (0 for the CPU).</summary>
    public int DeviceId { get; }

    /// <summary>CUDA on device <paramref name="deviceId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deviceId"/> is negative.</exception>
    public static OnnxExecutionProvider Cuda(int deviceId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        return new(ExecutionProviderKind.Cuda, deviceId);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ExecutionProviderKind.Cuda => $"CUDA:{DeviceId}",
        ExecutionProviderKind.Cpu => "CPU",
        _ => "Auto",
    };
}
