using Microsoft.Extensions.Logging;

namespace LanceOrm.Transport;

/// <summary>Log messages. They carry request ids, paths and statuses; never headers, bodies or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "LanceDB {Method} {Path} (request id {RequestId}) attempt {Attempt} failed ({Failure}, status {Status}); retrying in {DelayMs:0} ms. {Error}")]
    public static partial void Retrying(ILogger logger, string method, string? path, string? requestId, int attempt, AttemptFailure failure, int? status, double delayMs, string? error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "LanceDB {Method} {Path} (request id {RequestId}) failed on attempt {Attempt} ({Failure}, status {Status}); not retrying.")]
    public static partial void GivingUp(ILogger logger, string method, string? path, string? requestId, int attempt, AttemptFailure failure, int? status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "LanceDB {Method} {Path} (request id {RequestId}) -> {Status}")]
    public static partial void Completed(ILogger logger, string method, string? path, string? requestId, int status);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "LanceDB {Method} {Path} (request id {RequestId}) failed with status {Status}: {ServerMessage}")]
    public static partial void Failed(ILogger logger, string method, string? path, string? requestId, int status, string? serverMessage);
}
