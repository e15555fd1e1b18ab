namespace LanceOrm.Remote.Http;

/// <summary>The request id and attempt count of the logical call in flight (flows with the async context).</summary>
internal sealed class CallState
{
    private static readonly AsyncLocal<CallState?> CurrentState = new();

    public CallState(string requestId) => RequestId = requestId;

    public static CallState? Current
    {
        get => CurrentState.Value;
        set => CurrentState.Value = value;
    }

    public string RequestId { get; }

    public int Attempts { get; set; }

    /// <summary>The operation tag (<c>add</c>, <c>query</c>, …) for metrics recorded below the transport.</summary>
    public string? Operation { get; init; }
}
