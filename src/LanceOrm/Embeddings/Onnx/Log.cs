using Microsoft.Extensions.Logging;

namespace LanceOrm.Embeddings.Onnx;

/// <summary>Log messages of the local model runtime. Model names and providers only, never texts.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Embedding model {Model}: the {Provider} execution provider failed to start ({Error}); running on the CPU instead.")]
    public static partial void StartFellBack(ILogger logger, string model, string provider, string error);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Embedding model {Model}: a run on the {Provider} execution provider failed ({Error}); running on the CPU from now on.")]
    public static partial void RunFellBack(ILogger logger, string model, string provider, string error);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Embedding model {Model} loaded from {Path} on {Provider}.")]
    public static partial void Loaded(ILogger logger, string model, string path, string provider);
}
