namespace LanceOrm.Protocol;

/// <summary>The official client's table-name rule: non-empty; letters, digits, <c>_</c>, <c>-</c>, <c>.</c> only.</summary>
internal static class TableNames
{
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"Table name '{name}' is invalid: use only letters, digits, '_', '-' and '.'.", nameof(name));
        }
    }
}
