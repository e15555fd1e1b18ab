using LanceOrm.Protocol;
using Microsoft.Extensions.Options;

namespace LanceOrm;

/// <summary>
/// Checks <see cref="LanceDbOptions"/>: a valid <c>db://</c> URI and endpoint (https unless loopback or allowed), positive
/// batch size, pipeline depth and timeouts, a request body limit of at least 1 KiB, sane retry settings. Used by the
/// <see cref="LanceDbConnection"/> constructor and registered for <c>IOptions</c> validation by <c>AddLanceOrm</c>.
/// </summary>
internal sealed class LanceDbOptionsValidator : IValidateOptions<LanceDbOptions>
{
    public static readonly LanceDbOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, LanceDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (Endpoint.Problem(options) is { } problem)
        {
            failures.Add(problem);
        }

        if (options.WriteBatchSize <= 0)
        {
            failures.Add($"WriteBatchSize must be positive (was {options.WriteBatchSize}).");
        }

        if (options.MaxRequestBodyBytes < LanceDbOptions.MinMaxRequestBodyBytes)
        {
            failures.Add($"MaxRequestBodyBytes must be at least {LanceDbOptions.MinMaxRequestBodyBytes} (was {options.MaxRequestBodyBytes}).");
        }

        if (options.WritePipelineDepth <= 0)
        {
            failures.Add($"WritePipelineDepth must be positive (was {options.WritePipelineDepth}).");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero && options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ConnectTimeout must be positive (was {options.ConnectTimeout}).");
        }

        if (options.ReadTimeout <= TimeSpan.Zero && options.ReadTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ReadTimeout must be positive (was {options.ReadTimeout}).");
        }

        if (options.OperationTimeout <= TimeSpan.Zero && options.OperationTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"OperationTimeout must be positive (was {options.OperationTimeout}).");
        }

        if (options.Retry is null)
        {
            failures.Add("Retry must be set.");
        }
        else if (options.Retry.Retries < 1 || options.Retry.ConnectRetries < 1 || options.Retry.ReadRetries < 1)
        {
            failures.Add($"Retry counts must be at least 1 (one attempt) (were {options.Retry.Retries}, {options.Retry.ConnectRetries}, {options.Retry.ReadRetries}).");
        }

        if (options.Retry is { WriteRetries: < 1 } retry)
        {
            failures.Add($"Retry.WriteRetries must be at least 1 (one attempt) or unset (was {retry.WriteRetries}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(LanceDbOptions options)
    {
        var result = Instance.Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException($"The LanceDB options are invalid: {string.Join(" ", result.Failures)}", nameof(options));
        }
    }
}
