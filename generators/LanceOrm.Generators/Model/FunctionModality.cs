namespace LanceOrm.Generators.Model;

/// <summary>What an embedding function embeds. Mirrors <c>LanceOrm.Embeddings.EmbeddingModality</c> member for member.</summary>
internal enum FunctionModality
{
    /// <summary>Strings (<c>[Embed]</c> on a <c>string</c> property).</summary>
    Text,
    /// <summary>Encoded images (<c>[Embed]</c> on a <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>FileInfo</c> property).</summary>
    Image,
}
