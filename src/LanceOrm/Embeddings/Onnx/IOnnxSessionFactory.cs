namespace LanceOrm.Embeddings.Onnx;

/// <summary>Creates model sessions on a concrete provider (CPU or CUDA) and says which providers the loaded ONNX Runtime has.</summary>
internal interface IOnnxSessionFactory
{
    /// <summary>The execution providers the loaded native ONNX Runtime lists (for example <c>CPUExecutionProvider</c>).</summary>
    IReadOnlyCollection<string> AvailableProviders();

    /// <summary>Loads <paramref name="modelPath"/> on <paramref name="provider"/> (<see cref="ExecutionProviderKind.Cpu"/> or <see cref="ExecutionProviderKind.Cuda"/>).</summary>
    IOnnxRunner Create(string modelPath, OnnxExecutionProvider provider, int intraOpThreads);
}
