using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Defaults_are_the_official_clients()
    {
        var options = new LanceRetryOptions();
        Assert.Equal(3, options.Retries);
        Assert.Equal(3, options.ConnectRetries);
        Assert.Equal(3, options.ReadRetries);
        Assert.Equal(0.25, options.BackoffFactor);
        Assert.Equal(0.25, options.BackoffJitter);
        Assert.Equal([409, 429, 500, 502, 503, 504], options.Statuses.Order());
    }

    [Fact]
    public void The_third_retryable_status_ends_the_call_after_backoffs_of_half_and_one_second()
    {
        var policy = new RetryPolicy(new LanceRetryOptions(), random: () => 0);

        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.OnFailure(AttemptFailure.Status));
        Assert.Equal(TimeSpan.FromSeconds(1.0), policy.OnFailure(AttemptFailure.Status));
        Assert.Null(policy.OnFailure(AttemptFailure.Status));
    }

    [Fact]
    public void Jitter_adds_up_to_the_configured_bound()
    {
        var policy = new RetryPolicy(new LanceRetryOptions(), random: () => 0.999);
        var delay = policy.OnFailure(AttemptFailure.Status)!.Value;
        Assert.InRange(delay.TotalSeconds, 0.5, 0.75);
    }

    [Fact]
    public void Connect_and_read_failures_have_their_own_counters_and_start_at_the_factor()
    {
        var policy = new RetryPolicy(new LanceRetryOptions(), random: () => 0);

        Assert.Equal(TimeSpan.FromSeconds(0.25), policy.OnFailure(AttemptFailure.Connect));
        Assert.Equal(TimeSpan.FromSeconds(0.25), policy.OnFailure(AttemptFailure.Read));
        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.OnFailure(AttemptFailure.Status));
        Assert.NotNull(policy.OnFailure(AttemptFailure.Connect));
        Assert.Null(policy.OnFailure(AttemptFailure.Connect));
    }

    [Fact]
    public void Retry_After_is_honoured_and_capped()
    {
        var policy = new RetryPolicy(new LanceRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(5) }, random: () => 0);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.OnFailure(AttemptFailure.Status, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.OnFailure(AttemptFailure.Status, TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "3");
        Assert.Equal(TimeSpan.FromSeconds(3), RetryPolicy.ReadRetryAfter(seconds.Headers, DateTimeOffset.UtcNow));

        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(7).ToString("R"));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.ReadRetryAfter(date.Headers, now));
    }

    [Fact]
    public void Only_listed_statuses_are_retryable()
    {
        var policy = new RetryPolicy(new LanceRetryOptions());
        Assert.True(policy.IsRetryableStatus(HttpStatusCode.ServiceUnavailable));
        Assert.True(policy.IsRetryableStatus(HttpStatusCode.Conflict));
        Assert.False(policy.IsRetryableStatus(HttpStatusCode.BadRequest));
        Assert.False(policy.IsRetryableStatus(HttpStatusCode.NotFound));
    }
}
