namespace LanceOrm.Embeddings.Onnx;

/// <summary>
/// A local model could not run where it was asked to: the native ONNX Runtime library is missing, or the requested
/// execution provider (for example CUDA) failed to start or to run and falling back to the CPU was not allowed
/// (<c>OnnxModelOptions.FallbackToCpu</c>). The message says which provider, for which model, why, and what to add.
/// </summary>
public sealed class ExecutionProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExecutionProviderException(string model, string provider, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Model = model;
        Provider = provider;
    }

    /// <summary>The model that was being loaded or run.</summary>
    public string Model { get; }

    /// <summary>The execution provider that failed (for example <c>CUDA:0</c>).</summary>
    public string Provider { get; }
}
