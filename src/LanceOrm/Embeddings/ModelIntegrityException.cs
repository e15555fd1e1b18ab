namespace LanceOrm.Embeddings;

/// <summary>A downloaded model file did not match its manifest (size or SHA-256); it was discarded, not cached.</summary>
public sealed class ModelIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelIntegrityException(string path, Uri source, string expected, string actual)
        : base($"The download of '{path}' from {source} is corrupt: expected {expected}, got {actual}. The file was discarded; nothing was written to the model cache.")
    {
        FilePath = path;
        Source = source;
    }

    /// <summary>Creates the exception for a local model file (found by <paramref name="origin"/>) that is not the known one; it was not loaded.</summary>
    internal ModelIntegrityException(string path, string origin, string expected, string actual)
        : base($"The model file '{path}' (from {origin}) is not the known one: expected {expected}, got {actual}. It was not loaded; replace it with the file of the package named in the documentation.")
    {
        FilePath = path;
        Source = new Uri(Path.GetFullPath(path));
    }

    /// <summary>The file's path in the repository (for a local file: its path).</summary>
    public string FilePath { get; }

    /// <summary>Where it was downloaded from.</summary>
    public new Uri Source { get; }
}
