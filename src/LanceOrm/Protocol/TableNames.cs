namespace LanceOrm.Protocol;

/// <summary>The official client's table-name rule: non-empty; letters, digits, <c>_</c>, <c>-</c>, <c>.</c> only.</summary>
internal static class TableNames
{
    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"Table name '{name}' is invalid: use only letters, digits, '_', '-' and '.'.", nameof(name));
        }
    }

    /// <summary>Whether <paramref name="name"/> follows the rule (namespace names follow it too).</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
