namespace LanceOrm.Transport;

/// <summary>
/// What one logical call carries through the HTTP pipeline, in <see cref="HttpRequestMessage.Options"/>: its request id,
/// its operation (a telemetry tag), whether it may be retried, and how many attempts were made. No ambient state.
/// </summary>
internal static class RequestOptionKeys
{
    /// <summary>The request id, the same on every attempt of the call.</summary>
    public static readonly HttpRequestOptionsKey<string> RequestId = new("LanceOrm.RequestId");

    /// <summary>The operation (<c>query</c>, <c>upsert</c>, …) for metrics recorded below the transport.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("LanceOrm.Operation");

    /// <summary>Whether the request may be sent again after a retryable failure (absent = yes).</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("LanceOrm.Retryable");

    /// <summary>Whether the request is an idempotent write batch (its retry budget is <see cref="LanceRetryOptions.WriteRetries"/> when set).</summary>
    public static readonly HttpRequestOptionsKey<bool> IdempotentWrite = new("LanceOrm.IdempotentWrite");

    /// <summary>Whether the request is a write that must not be replayed after a read error (<see cref="CallInfo.ReplayUnsafe"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> ReplayUnsafe = new("LanceOrm.ReplayUnsafe");

    /// <summary>The number of attempts made so far (set by <see cref="AttemptHandler"/>).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("LanceOrm.Attempts");

    /// <summary>
    /// Whether a 2xx response body is read by the caller as it arrives (queries) instead of being buffered within the
    /// attempt (absent = buffered).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> StreamResponse = new("LanceOrm.StreamResponse");

    public static string OperationOf(HttpRequestMessage? request) =>
        request?.Options.TryGetValue(Operation, out var operation) == true ? operation : "unknown";

    public static string? RequestIdOf(HttpRequestMessage? request) =>
        request?.Options.TryGetValue(RequestId, out var id) == true ? id : null;

    public static int AttemptsOf(HttpRequestMessage? request) =>
        request?.Options.TryGetValue(Attempts, out var attempts) == true ? attempts : 1;

    public static bool StreamsResponse(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(StreamResponse, out var streams) && streams;

    public static bool IsIdempotentWrite(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IdempotentWrite, out var write) && write;

    public static bool IsReplayUnsafe(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ReplayUnsafe, out var unsafeReplay) && unsafeReplay;

    public static bool IsRetryable(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(Retryable, out var retryable) || retryable;
}
