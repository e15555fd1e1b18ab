namespace LanceOrm.Embeddings;

/// <summary>What an embedding function embeds: text (<c>minilm</c>, <c>arctic-xs</c>) or images (<c>resnet18</c>).</summary>
public enum EmbeddingModality
{
    /// <summary>Strings.</summary>
    Text,

    /// <summary>Encoded images (JPEG, PNG, ...), as bytes or files.</summary>
    Image,
}
