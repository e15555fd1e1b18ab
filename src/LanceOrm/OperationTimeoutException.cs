namespace LanceOrm;

/// <summary>
/// A request ran past <see cref="LanceDbOptions.OperationTimeout"/>, the deadline of one logical request with all its
/// attempts and the waits between them, whatever the per-attempt timeouts.
/// </summary>
public sealed class OperationTimeoutException(string message, TimeSpan timeout, int attempts, string? requestId = null, Exception? innerException = null)
    : LanceDbException(message, null, null, requestId, innerException)
{
    /// <summary>The deadline that expired.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>How many HTTP attempts were started before it expired.</summary>
    public int Attempts { get; } = attempts;
}
