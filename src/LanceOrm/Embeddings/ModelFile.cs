namespace LanceOrm.Embeddings;

/// <summary>One file of a model repository with the size and SHA-256 a download must match.</summary>
/// <param name="Path">The path inside the repository, with forward slashes (for example <c>onnx/model.onnx</c>).</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Sha256">The lower-case hex SHA-256.</param>
internal sealed record ModelFile(string Path, long Size, string Sha256);
