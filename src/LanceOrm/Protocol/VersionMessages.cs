using System.Globalization;
using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>tags/version</c> and <c>tags/delete</c>: <c>{"tag": name}</c> (protocol §5.10).</summary>
internal sealed record TagRequest([property: JsonPropertyName("tag")] string Tag);

/// <summary><c>tags/create</c> and <c>tags/update</c>: <c>{"tag": name, "version": v}</c>.</summary>
internal sealed record TagVersionRequest(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("version")] long Version);

/// <summary><c>version/list</c>: every version of the table, oldest first.</summary>
internal sealed record ListVersionsResponse([property: JsonPropertyName("versions")] IReadOnlyList<VersionEntry>? Versions);

/// <summary>One listed version: its number, when it was committed (RFC 3339 <c>timestamp</c> or <c>timestamp_millis</c>) and its metadata.</summary>
internal sealed record VersionEntry(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("timestamp_millis")] long? TimestampMillis,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string>? Metadata)
{
    /// <summary>When the version was committed: <c>timestamp_millis</c>, else the RFC 3339 <c>timestamp</c> (fractions past 100 ns rounded).</summary>
    public DateTimeOffset CommittedAt =>
        TimestampMillis is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
        : Timestamp is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new LanceDbException($"Version {Version.ToString(CultureInfo.InvariantCulture)} was listed without a valid timestamp ('{Timestamp}').");
}

/// <summary>One tag of <c>tags/list</c> (<c>{name: TagContents}</c>; lance's serde names are camel case).</summary>
internal sealed record TagContentsResponse(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("branch")] string? Branch);

