using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LanceOrm.Testing;

namespace LanceOrm.Tests.Support;

/// <summary>
/// What the official LanceDB Node client (remote mode) sends for the same operation LanceOrm performs: a JS snippet runs
/// through a recording proxy in front of the emulator (<c>Interop/official-requests.mjs</c>). In the snippet, <c>db</c> is the
/// official client's connection to <c>db://{database}</c>, <c>lancedb</c> and <c>arrow</c> the modules.
/// </summary>
public static class OfficialClientRequests
{
    public static async Task<IReadOnlyList<WireRequest>> RecordAsync(LanceDbEmulator emulator, string database, string script, CancellationToken cancellationToken)
    {
        var emulatorDirectory = LanceDbEmulator.FindEmulatorDirectory(new LanceDbEmulatorOptions())
                                ?? throw new InvalidOperationException("emulator/ of this checkout was not found");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Interop", "official-requests.mjs"), emulatorDirectory, emulator.Url.ToString().TrimEnd('/'), database, EmulatorFixture.ApiKey })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(cancellationToken);
        await node.StandardInput.WriteAsync(script.AsMemory(), cancellationToken);
        node.StandardInput.Close();
        await node.WaitForExitAsync(cancellationToken);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"The official client's snippet failed (exit {node.ExitCode}): {await stderr}");
        }

        var line = (await stdout).Trim().Split('\n')[^1];
        return JsonSerializer.Deserialize<JsonElement[]>(line)!.Select(WireRequest.FromRecording).ToArray();
    }
}

/// <summary>One request as a server sees it: method, path, query parameters, content type and JSON body.</summary>
public sealed record WireRequest(string Method, string Path, IReadOnlyDictionary<string, string[]> Query, string? ContentType, JsonNode? Json, int BodyLength)
{
    /// <summary>LanceOrm's request, as recorded by <see cref="RecordingHandler"/>.</summary>
    public static WireRequest From(RecordingHandler.Recorded r) =>
        new(r.Method, r.Path, ParseQuery(r.Query), r.ContentType, r.ContentType?.Contains("json", StringComparison.Ordinal) == true && r.Body is { Length: > 0 } ? JsonNode.Parse(r.Body) : null, r.Body?.Length ?? 0);

    internal static WireRequest FromRecording(JsonElement e)
    {
        var contentType = e.GetProperty("contentType").GetString()?.Split(';')[0].Trim();
        var body = e.GetProperty("body").GetString();
        return new(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!, ParseQuery(e.GetProperty("query").GetString() ?? ""),
            contentType, body is null ? null : JsonNode.Parse(body), e.GetProperty("bodyLength").GetInt32());
    }

    private static Dictionary<string, string[]> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "").ToArray(), StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path}{(Query.Count == 0 ? "" : "?" + string.Join("&", Query.SelectMany(q => q.Value.Select(v => $"{q.Key}={v}"))))} [{ContentType ?? "no content type"}, {BodyLength} bytes] {Json?.ToJsonString()}";
}

/// <summary>Assertions that LanceOrm's request is the official client's.</summary>
public static class WireAssert
{
    /// <summary>Method, path, query parameters (any order), content type and JSON body (any key order) are equal.</summary>
    public static void SameRequest(WireRequest official, WireRequest ours)
    {
        var same = official.Method == ours.Method
                   && official.Path == ours.Path
                   && official.Query.Count == ours.Query.Count
                   && official.Query.All(q => ours.Query.TryGetValue(q.Key, out var v) && v.SequenceEqual(q.Value))
                   && string.Equals(official.ContentType, ours.ContentType, StringComparison.OrdinalIgnoreCase)
                   && JsonNode.DeepEquals(official.Json, ours.Json);
        Assert.True(same, $"LanceOrm's request differs from the official client's.\n official: {official}\n LanceOrm: {ours}");
    }

    /// <summary>The one request of <paramref name="requests"/> whose path ends with <paramref name="pathSuffix"/>.</summary>
    public static WireRequest Single(IEnumerable<WireRequest> requests, string pathSuffix) =>
        requests.Single(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));
}
