namespace LanceOrm.Embeddings;

/// <summary>
/// No usable model was found: the message lists every place looked (and why each did not do) and how to fix it.
/// </summary>
public sealed class ModelNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException(string modelName, IReadOnlyList<string> placesLooked, Exception? innerException = null)
        : this(modelName, placesLooked, [], innerException)
    {
    }

    internal ModelNotFoundException(string modelName, IReadOnlyList<string> placesLooked, IReadOnlyList<string> fixes, Exception? innerException = null)
        : base(Format(modelName, placesLooked, fixes), innerException)
    {
        ModelName = modelName;
        PlacesLooked = placesLooked;
    }

    /// <summary>The model looked for.</summary>
    public string ModelName { get; }

    /// <summary>Each place looked, with the reason it was not used.</summary>
    public IReadOnlyList<string> PlacesLooked { get; }

    private static string Format(string modelName, IReadOnlyList<string> places, IReadOnlyList<string> fixes) =>
        $"""
        The embedding model '{modelName}' was not found. Places looked, in order:
        {string.Join(Environment.NewLine, places.Select((p, i) => $"  {i + 1}. {p}"))}
        """ + (fixes.Count == 0 ? "" : Environment.NewLine + "To fix it, do one of:" + string.Concat(fixes.Select(f => $"{Environment.NewLine}  - {f};")));
}
