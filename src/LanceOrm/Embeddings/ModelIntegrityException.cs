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

    /// <summary>The file's path in the repository.</summary>
    public string FilePath { get; }

    /// <summary>Where it was downloaded from.</summary>
    public new Uri Source { get; }
}
