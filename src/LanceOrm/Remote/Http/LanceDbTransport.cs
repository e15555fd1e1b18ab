using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Remote.Http;

/// <summary>Runs one logical call through the Refit client and turns failures into typed errors.</summary>
internal sealed class LanceDbTransport(ILanceDbApi api, LanceDbOptions options, ILogger logger)
{
    public ILanceDbApi Api => api;

    public LanceDbOptions Options => options;

    /// <summary>
    /// The server version from the last <c>phalanx-version</c> response header (absent ⇒ 0.1.0, as the official client
    /// assumes). Gates request shapes (structured full-text queries from 0.3.0).
    /// </summary>
    public Version ServerVersion { get; private set; } = new(0, 1, 0);

    /// <summary>Sends, returning a 2xx response (the caller disposes it) or throwing a <see cref="LanceDbException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<ILanceDbApi, CancellationToken, Task<HttpResponseMessage>> call, ErrorContext context, CancellationToken cancellationToken)
    {
        var state = new CallState(Guid.NewGuid().ToString("D")) { Operation = context.OperationName };
        using var activity = RequestTelemetry.Start(context, state);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var response = await SendCoreAsync(call, context, state, cancellationToken).ConfigureAwait(false);
            RequestTelemetry.Succeeded(activity, context, state, (int)response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception ex)
        {
            RequestTelemetry.Failed(activity, context, state, ex, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(Func<ILanceDbApi, CancellationToken, Task<HttpResponseMessage>> call, ErrorContext context, CallState state, CancellationToken cancellationToken)
    {
        var previous = CallState.Current;
        CallState.Current = state;
        HttpResponseMessage response;
        try
        {
            response = await call(api, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unwrap(ex) is HttpRequestException or IOException or TimeoutException || (Unwrap(ex) is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ErrorMapper.FromTransport(Unwrap(ex), context, state.RequestId, Math.Max(1, state.Attempts), options.ApiKey);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is OperationCanceledException canceled)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(canceled);
            throw;
        }
        finally
        {
            CallState.Current = previous;
        }

        if (response.IsSuccessStatusCode)
        {
            if (response.Headers.TryGetValues("phalanx-version", out var versions) && Version.TryParse(versions.FirstOrDefault()?.Split('-', '+')[0], out var version))
            {
                ServerVersion = version;
            }

            Log.Completed(logger, response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.AbsolutePath, state.RequestId, (int)response.StatusCode);
            return response;
        }

        using (response)
        {
            var error = await ErrorMapper.ToExceptionAsync(response, context, options.ApiKey, cancellationToken).ConfigureAwait(false);
            Log.Failed(logger, response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.AbsolutePath, error.RequestId ?? state.RequestId, (int)response.StatusCode, error.ServerMessage);
            throw error;
        }
    }

    /// <summary>Sends and parses a JSON body (empty body ⇒ <c>null</c>).</summary>
    public async Task<JsonNode?> SendForJsonAsync(Func<ILanceDbApi, CancellationToken, Task<HttpResponseMessage>> call, ErrorContext context, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, context, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new LanceDbException($"{context.Operation} returned a body that is not JSON: {Redaction.Redact(text.Length > 200 ? text[..200] : text, options.ApiKey)}", response.StatusCode, null, ErrorMapper.RequestIdOf(response), ex);
        }
    }

    /// <summary>Refit wraps transport failures in <see cref="Refit.ApiRequestException"/>; the cause is what counts.</summary>
    private static Exception Unwrap(Exception ex) => ex is Refit.ApiRequestException { InnerException: { } inner } ? inner : ex;

    public ErrorContext Context(string operation, string? table, bool retryable = true, bool isCreate = false, string? filter = null, int? rows = null) =>
        new(operation, table, options.Retry.Statuses, retryable, isCreate, filter) { Rows = rows };
}
