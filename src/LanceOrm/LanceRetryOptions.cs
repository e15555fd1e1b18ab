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

    /// <summary>
    /// The budget of a write batch (one idempotent <c>merge_insert</c> of <c>AddAsync</c>/<c>UpsertAsync</c>), which may
    /// be resent safely: when set, it replaces <see cref="Retries"/>, <see cref="ConnectRetries"/> and
    /// <see cref="ReadRetries"/> for write batches only, so bulk writes can ride out more failures than reads. Default
    /// <c>null</c>: write batches use the same counts as every call, as the official client.
    /// </summary>
    public int? WriteRetries { get; set; }

    /// <summary>The backoff factor in seconds (default 0.25).</summary>
    public double BackoffFactor { get; set; } = 0.25;

    /// <summary>The upper bound of the uniform random jitter in seconds (default 0.25).</summary>
    public double BackoffJitter { get; set; } = 0.25;

    /// <summary>The statuses that are retried (default 409, 429, 500, 502, 503, 504).</summary>
    public IReadOnlySet<int> Statuses { get; set; } = new HashSet<int> { 409, 429, 500, 502, 503, 504 };

    /// <summary>The longest <c>Retry-After</c> honoured (default 60 s); longer values are capped.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The settings a write batch retries with (<see cref="WriteRetries"/> in place of the per-kind counts, when set).</summary>
    internal LanceRetryOptions ForWrites() => WriteRetries is not { } budget ? this : new LanceRetryOptions
    {
        Retries = budget,
        ConnectRetries = budget,
        ReadRetries = budget,
        BackoffFactor = BackoffFactor,
        BackoffJitter = BackoffJitter,
        Statuses = Statuses,
        MaxRetryAfter = MaxRetryAfter,
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LanceRetryOptions {{ Retries = {Retries}, ConnectRetries = {ConnectRetries}, ReadRetries = {ReadRetries}, WriteRetries = {WriteRetries?.ToString(CultureInfo.InvariantCulture) ?? "(same)"}, BackoffFactor = {BackoffFactor}, BackoffJitter = {BackoffJitter}, Statuses = [{string.Join(", ", Statuses.Order())}] }}");
}
