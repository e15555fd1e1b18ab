using System.Net;

namespace LanceOrm;

/// <summary>
/// Every attempt the retry policy allows failed with a retryable status or transport error ("Hit retry limit" in the
/// official client). <see cref="Exception.InnerException"/> is the typed error of the last attempt.
/// </summary>
public sealed class RetryLimitExceededException(string message, int attempts, HttpStatusCode? status = null, string? serverMessage = null, string? requestId = null, Exception? innerException = null)
    : ServerErrorException(message, status, serverMessage, requestId, innerException)
{
    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; } = attempts;
}
