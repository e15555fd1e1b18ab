namespace LanceOrm.Embeddings;

internal static class TextInput
{
    public static void ThrowIfAnyNull(IReadOnlyList<string> texts, string parameterName)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"Text at index {i} is null; every text to embed must be a string (use \"\" for empty).", parameterName);
            }
        }
    }
}
