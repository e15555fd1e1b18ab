using System.Diagnostics;
using LanceOrm.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Transport;

/// <summary>
/// Sends one logical call (all its attempts) through the connection's <see cref="HttpPipeline"/>: gives it a request id,
/// its operation and retryability (on <see cref="HttpRequestMessage.Options"/>), records its span and metrics, and turns
/// a failure with no response into a typed <see cref="LanceDbException"/>. Answers with any status: the protocol layer
/// maps non-2xx statuses. Knows nothing of LanceDB's paths or bodies.
/// </summary>
internal sealed class LanceTransport : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly ILogger _logger;
    private readonly string? _secret;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeProvider _time;

    /// <param name="pipeline">The connection's HTTP pipeline.</param>
    /// <param name="baseAddress">Where requests go.</param>
    /// <param name="logger">The connection's logger.</param>
    /// <param name="secret">The API key, redacted from messages.</param>
    /// <param name="operationTimeout">The deadline of one logical call, all attempts and backoff included (<see cref="Timeout.InfiniteTimeSpan"/>: none).</param>
    /// <param name="time">The clock of the deadline (the same one the retry delays wait on).</param>
    public LanceTransport(HttpMessageHandler pipeline, Uri baseAddress, ILogger logger, string? secret, TimeSpan operationTimeout, TimeProvider time)
    {
        _invoker = new HttpMessageInvoker(pipeline, disposeHandler: true);
        BaseAddress = baseAddress;
        _logger = logger;
        _secret = secret;
        _operationTimeout = operationTimeout;
        _time = time;
    }

    /// <summary>The base address requests go to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sends <paramref name="request"/> (its URI relative to <see cref="BaseAddress"/>); the caller disposes the response.</summary>
    /// <exception cref="LanceDbException">No response came (connect, read or timeout failures once the retries are spent).</exception>
    /// <exception cref="OperationTimeoutException">The call's deadline (<see cref="LanceDbOptions.OperationTimeout"/>) expired.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CallInfo call, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(BaseAddress, relative);
        }

        var requestId = Guid.NewGuid().ToString("D");
        request.Options.Set(RequestOptionKeys.RequestId, requestId);
        request.Options.Set(RequestOptionKeys.Operation, call.Operation);
        request.Options.Set(RequestOptionKeys.Retryable, call.Retryable);
        request.Options.Set(RequestOptionKeys.IdempotentWrite, call.IdempotentWrite);
        request.Options.Set(RequestOptionKeys.ReplayUnsafe, call.ReplayUnsafe);
        using var deadline = _operationTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_operationTimeout, _time);
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var activity = LanceOrmTelemetry.StartRequest(call.Operation, call.Table, requestId, call.Rows);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _invoker.SendAsync(request, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            var attempts = RequestOptionKeys.AttemptsOf(request);
            LanceOrmTelemetry.EndRequest(activity, call.Operation, call.Table, call.Rows, null, "deadline", attempts, Stopwatch.GetElapsedTime(started));
            throw new OperationTimeoutException(
                $"{call.Describe()} did not complete within the operation timeout of {_operationTimeout.TotalSeconds:0.###} s ({attempts} attempt(s)).",
                _operationTimeout, attempts, requestId, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var attempts = RequestOptionKeys.AttemptsOf(request);
            LanceOrmTelemetry.EndRequest(activity, call.Operation, call.Table, call.Rows, null, ex.GetType().Name, attempts, Stopwatch.GetElapsedTime(started));
            throw TransportError(ex, call, requestId, attempts);
        }
        catch (OperationCanceledException)
        {
            LanceOrmTelemetry.EndRequest(activity, call.Operation, call.Table, call.Rows, null, "canceled", RequestOptionKeys.AttemptsOf(request), Stopwatch.GetElapsedTime(started));
            throw;
        }

        var status = (int)response.StatusCode;
        var error = response.IsSuccessStatusCode ? null : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        LanceOrmTelemetry.EndRequest(activity, call.Operation, call.Table, call.Rows, status, error, RequestOptionKeys.AttemptsOf(request), Stopwatch.GetElapsedTime(started));
        if (error is null)
        {
            Log.Completed(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, requestId, status);
        }

        return response;
    }

    /// <summary>Logs a call that ended with an error status (the message already redacted by the caller).</summary>
    public void LogFailure(HttpResponseMessage response, string? serverMessage) =>
        Log.Failed(_logger, response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.AbsolutePath, RequestOptionKeys.RequestIdOf(response.RequestMessage), (int)response.StatusCode, serverMessage);

    public void Dispose() => _invoker.Dispose();

    private LanceDbException TransportError(Exception exception, CallInfo call, string requestId, int attempts)
    {
        var what = call.Describe();
        var detail = Redaction.Redact(exception.Message, _secret);
        var inner = new ServerErrorException($"{what} failed without an HTTP response: {detail}", null, null, requestId, exception);
        return call.Retryable && attempts > 1
            ? new RetryLimitExceededException($"{what} gave up after {attempts} attempt(s), the retry limit; the last one got no HTTP response (see the inner exception).", attempts, null, null, requestId, inner)
            : inner;
    }
}

/// <summary>What a call is, for telemetry and error messages.</summary>
/// <param name="Operation">The operation as a telemetry tag (<c>query</c>, <c>count_rows</c>, …).</param>
/// <param name="Table">The table, when the call is about one.</param>
/// <param name="Retryable">Whether the call may be retried (creates and drops are not, as the official client).</param>
/// <param name="Rows">Rows in the request body (write batches).</param>
internal sealed record CallInfo(string Operation, string? Table, bool Retryable = true, int? Rows = null)
{
    /// <summary>The namespace identifier (<c>ns1$ns2</c>) the call is about, when it is about one.</summary>
    public string? Namespace { get; init; }

    /// <summary>A write batch that is safe to resend (<c>merge_insert</c>): retried with <see cref="LanceRetryOptions.WriteRetries"/> when set.</summary>
    public bool IdempotentWrite { get; init; }

    /// <summary>
    /// A write that is not idempotent (a plain <c>insert</c>): retried only where the server certainly answered (a retryable
    /// status, as the official client) or was never reached (a connect error), never after a read error — its answer may
    /// have been lost after the rows were written, and a replay would write them twice.
    /// </summary>
    public bool ReplayUnsafe { get; init; }

    /// <summary><c>Count rows on table 'x'</c>.</summary>
    public string Describe()
    {
        var words = Operation.Replace('_', ' ');
        words = char.ToUpperInvariant(words[0]) + words[1..];
        return words + (Table is null ? "" : $" on table '{Table}'")
               + (Namespace is null ? "" : Operation.EndsWith("_namespace", StringComparison.Ordinal) ? $" '{Namespace}'" : $" in namespace '{Namespace}'");
    }
}
