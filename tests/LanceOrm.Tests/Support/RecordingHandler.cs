using System.Collections.Concurrent;

namespace LanceOrm.Tests.Support;

/// <summary>
/// An application HTTP handler (what a user would pass as the connection's httpHandler) that records each
/// attempt on the wire and can ask the emulator for a fault on chosen attempts (x-emulator-fault).
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler() => InnerHandler = new SocketsHttpHandler();

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>Returns the fault header value for an attempt (path, attempt number of that request id), or null.</summary>
    public Func<string, int, string?> Fault { get; set; } = (_, _) => null;

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var id = headers.GetValueOrDefault("x-request-id") ?? "";
        var attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue(new Recorded(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers,
            request.Content?.Headers.ContentType?.MediaType, body, attempt));
        request.Headers.Remove("x-emulator-fault"); // the retry engine resends the same message: each attempt gets its own fault
        if (Fault(request.RequestUri.AbsolutePath, attempt) is { } fault)
        {
            request.Headers.TryAddWithoutValidation("x-emulator-fault", fault);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    public sealed record Recorded(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body, int Attempt);
}

/// <summary>Collects every log line (message and exception) for assertions.</summary>
public sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {structured} | {exception}");
        }
    }
}
