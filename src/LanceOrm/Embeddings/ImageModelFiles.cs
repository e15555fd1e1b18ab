namespace LanceOrm.Embeddings;

/// <summary>A resolved, verified image model.</summary>
/// <param name="SourcePath">The model file as found (verified against its pinned SHA-256).</param>
/// <param name="ModelPath">The file to load: the model with a symbolic batch dimension, in the user model cache.</param>
/// <param name="PreprocessingPath">The preprocessing graph (verified), whose mean image LanceOrm subtracts in managed code.</param>
/// <param name="Origin">Where the model was found (option, environment variable, package, application folder).</param>
internal sealed record ImageModelFiles(string SourcePath, string ModelPath, string PreprocessingPath, string Origin);
