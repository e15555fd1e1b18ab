namespace LanceOrm;

/// <summary>Keeps secrets out of text that may be logged or shown.</summary>
internal static class Redaction
{
    public const string Placeholder = "***";

    /// <summary>Shows whether a secret is set, never its value.</summary>
    public static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : Placeholder;

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/>.</summary>
    public static string? Redact(string? text, string? secret) =>
        text is null || string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Placeholder, StringComparison.Ordinal);
}
