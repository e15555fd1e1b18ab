using System.Globalization;

namespace LanceOrm;

/// <summary>
/// The retry policy. Defaults are the official LanceDB client's: 3 attempts for statuses 409, 429, 500, 502, 503, 504,
/// 3 for connect errors and 3 for read errors; sleep <c>BackoffFactor × 2^failures + U(0, BackoffJitter)</c> seconds;
/// a server's <c>Retry-After</c> is honoured.
/// </summary>
public sealed class LanceRetryOptions
{
    /// <summary>Failed attempts with a retryable status that end the call (default 3).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Failed attempts with a connect error that end the call (default 3).</summary>
    public int ConnectRetries { get; set; } = 3;

    /// <summary>Failed attempts with a read error (timeout, reset, truncated body) that end the call (default 3).</summary>
    public int ReadRetries { get; set; } = 3;

    /// <summary>The backoff factor in seconds (default 0.25).</summary>
    public double BackoffFactor { get; set; } = 0.25;

    /// <summary>The upper bound of the uniform random jitter in seconds (default 0.25).</summary>
    public double BackoffJitter { get; set; } = 0.25;

    /// <summary>The statuses that are retried (default 409, 429, 500, 502, 503, 504).</summary>
    public IReadOnlySet<int> Statuses { get; set; } = new HashSet<int> { 409, 429, 500, 502, 503, 504 };

    /// <summary>The longest <c>Retry-After</c> honoured (default 60 s); longer values are capped.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LanceRetryOptions {{ Retries = {Retries}, ConnectRetries = {ConnectRetries}, ReadRetries = {ReadRetries}, BackoffFactor = {BackoffFactor}, BackoffJitter = {BackoffJitter}, Statuses = [{string.Join(", ", Statuses.Order())}] }}");
}
