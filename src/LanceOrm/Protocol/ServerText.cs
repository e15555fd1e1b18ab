using System.Text.Json;
using System.Text.RegularExpressions;

namespace LanceOrm.Protocol;

/// <summary>
/// Turns a server's error body into the short reason a person reads: the text of a JSON wrapper
/// (<c>{"error": …}</c>, <c>{"message": …}</c>, <c>{"detail": …}</c>), without the engine's source locations
/// (<c>, /…/src/x.rs:12:34</c>), a repeated <c>Caused by:</c> tail or a cause repeated at the end, binding codes (<c>GenericFailure, </c>) or dumped
/// schemas. The raw text stays on <see cref="LanceDbException.ServerMessage"/>.
/// </summary>
internal static partial class ServerText
{
    private const int MaxLength = 400;

    public static string Reason(string body)
    {
        var text = Unwrap(body.Trim());
        text = SourceLocation().Replace(text, "");
        var parts = CausedBy().Split(text).Select(Part).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        text = string.Join(": ", parts);
        text = WithoutRepeatedTail(Whitespace().Replace(text, " ").Trim().TrimEnd('.', ',', ':', ' '));
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }

    private static string Part(string text)
    {
        text = BindingCode().Replace(text, "");
        text = text.Replace("Failed to execute query stream: ", "", StringComparison.Ordinal);
        text = EnginePrefix().Replace(text.Trim(), "");
        text = SchemaDump().Replace(text, "");
        return text.Trim().TrimEnd(',', ';', ' ');
    }

    /// <summary>"A: B: C: B: C" → "A: B: C": the engine often ends its message with the same cause twice.</summary>
    private static string WithoutRepeatedTail(string text)
    {
        for (var i = text.IndexOf(": ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(": ", i + 2, StringComparison.Ordinal))
        {
            var head = text[..i];
            var tail = text[(i + 2)..];
            if (tail.Length > 0 && (head == tail || head.EndsWith(": " + tail, StringComparison.Ordinal)))
            {
                return head;
            }
        }

        return text;
    }

    private static string Unwrap(string body)
    {
        if (!body.StartsWith('{'))
        {
            return body;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Message(document.RootElement) ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string? Message(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in (ReadOnlySpan<string>)["error", "message", "detail"])
        {
            if (element.TryGetProperty(key, out var value) && Message(value) is { Length: > 0 } message)
            {
                return message;
            }
        }

        return null;
    }

    [GeneratedRegex(@",?\s*(?:[A-Za-z]:)?[^\s,]*[/\\][^\s,]*\.rs:\d+:\d+")]
    private static partial Regex SourceLocation();

    [GeneratedRegex(@"\s*Caused by:\s*")]
    private static partial Regex CausedBy();

    [GeneratedRegex(@"\b(?:GenericFailure|InvalidArg),\s*")]
    private static partial Regex BindingCode();

    [GeneratedRegex(@"\blance error:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EnginePrefix();

    [GeneratedRegex(@":\s*Schema \{ fields: .*$", RegexOptions.Singleline)]
    private static partial Regex SchemaDump();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
