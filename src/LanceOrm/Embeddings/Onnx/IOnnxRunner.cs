using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Onnx;

/// <summary>One loaded model on one execution provider (an <see cref="InferenceSession"/>, or a test's stand-in).</summary>
internal interface IOnnxRunner : IDisposable
{
    /// <summary>The inputs the model declares.</summary>
    IReadOnlyDictionary<string, NodeMetadata> InputMetadata { get; }

    /// <summary>The outputs the model declares.</summary>
    IReadOnlyDictionary<string, NodeMetadata> OutputMetadata { get; }

    /// <summary>Runs the model into caller-allocated outputs.</summary>
    void Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames, IReadOnlyCollection<OrtValue> outputs);

    /// <summary>Runs the model; ONNX Runtime allocates the outputs.</summary>
    IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames);
}
