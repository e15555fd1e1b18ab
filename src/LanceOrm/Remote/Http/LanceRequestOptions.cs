namespace LanceOrm.Remote.Http;

/// <summary>Per-request settings that travel in <see cref="HttpRequestMessage.Options"/>.</summary>
public static class LanceRequestOptions
{
    /// <summary>The option name marking whether a request may be retried (absent = yes).</summary>
    public const string RetryableKey = "LanceOrm.Retryable";

    /// <summary>Whether the request may be sent again after a retryable failure (absent = yes).</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new(RetryableKey);

    /// <summary>The number of attempts the retry handler made (set on the request by <see cref="LanceRetryHandler"/>).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("LanceOrm.Attempts");

    /// <summary>The request-id header name.</summary>
    public const string RequestIdHeader = "x-request-id";
}
