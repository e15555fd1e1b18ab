using System.Net;

namespace LanceOrm.Tests.Support;

/// <summary>A stand-in network for handler tests: answers each attempt from a script and records what it saw.</summary>
public sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    public List<(string? RequestId, string? Body, Dictionary<string, string> Headers)> Seen { get; } = [];

    /// <summary>The path of each request, in order.</summary>
    public List<string> Paths { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Seen.Add((headers.GetValueOrDefault("x-request-id"), body, headers));
        Paths.Add(request.RequestUri?.AbsolutePath ?? "");
        var step = script[Math.Min(Seen.Count - 1, script.Length - 1)];
        var response = step(request);
        response.RequestMessage = request;
        return response;
    }

    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status, string body = "") => _ => new HttpResponseMessage(status) { Content = new StringContent(body) };

    public static Func<HttpRequestMessage, HttpResponseMessage> Throw(Exception exception) => _ => throw exception;
}
