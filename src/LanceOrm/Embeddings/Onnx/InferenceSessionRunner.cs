using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Onnx;

/// <summary>An <see cref="IOnnxRunner"/> over a real <see cref="InferenceSession"/> (thread-safe, as the session is).</summary>
internal sealed class InferenceSessionRunner(InferenceSession session) : IOnnxRunner
{
    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => session.OutputMetadata;

    public void Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames, IReadOnlyCollection<OrtValue> outputs) =>
        session.Run(runOptions, inputNames, inputs, outputNames, outputs);

    public IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames) =>
        session.Run(runOptions, inputNames, inputs, outputNames);

    public void Dispose() => session.Dispose();
}
