using System.Net;
using System.Net.Http.Headers;

namespace LanceOrm.Transport;

/// <summary>What went wrong with one HTTP attempt, for the retry decision.</summary>
internal enum AttemptFailure
{
    /// <summary>The response has a status in the retry list.</summary>
    Status,
    /// <summary>The connection could not be opened (refused, DNS, connect timeout).</summary>
    Connect,
    /// <summary>The connection broke or timed out after it was opened (reset, truncated body, read timeout).</summary>
    Read,
}

/// <summary>
/// The official client's retry rules as pure functions: separate counters per failure kind, any counter reaching its
/// maximum ends the call, sleep = <c>factor × 2^failures + U(0, jitter)</c> unless the server sent <c>Retry-After</c>.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly LanceRetryOptions _options;
    private readonly Func<double> _random;
    private int _statusFailures;
    private int _connectFailures;
    private int _readFailures;

    /// <summary>Creates the state of one logical call.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="random">A source of uniform [0, 1) values (jitter); default <see cref="Random.Shared"/>.</param>
    public RetryPolicy(LanceRetryOptions options, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>All failures so far.</summary>
    public int Failures => _statusFailures + _connectFailures + _readFailures;

    /// <summary>Whether a response status is one the policy retries.</summary>
    public bool IsRetryableStatus(HttpStatusCode status) => _options.Statuses.Contains((int)status);

    /// <summary>
    /// Records a failed attempt; returns the delay before the next attempt, or <c>null</c> when the call must end
    /// (its counter reached its maximum).
    /// </summary>
    public TimeSpan? OnFailure(AttemptFailure failure, TimeSpan? retryAfter = null)
    {
        var (count, max) = failure switch
        {
            AttemptFailure.Status => (++_statusFailures, _options.Retries),
            AttemptFailure.Connect => (++_connectFailures, _options.ConnectRetries),
            _ => (++_readFailures, _options.ReadRetries),
        };
        if (count >= max)
        {
            return null;
        }

        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after > _options.MaxRetryAfter ? _options.MaxRetryAfter : after;
        }

        // The official client's exponent is the number of *status* failures so far.
        var seconds = _options.BackoffFactor * Math.Pow(2, _statusFailures) + _random() * _options.BackoffJitter;
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Reads <c>Retry-After</c> (delta seconds or an HTTP date) from a response.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
