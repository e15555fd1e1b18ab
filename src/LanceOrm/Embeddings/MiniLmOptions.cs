namespace LanceOrm.Embeddings;

/// <summary>Settings of <see cref="MiniLmEmbeddingGenerator"/> (sentence-transformers/all-MiniLM-L6-v2).</summary>
public sealed class MiniLmOptions : TextModelOptions
{
    /// <summary>The environment variable naming a model directory: <c>LANCEORM_MODEL_DIR</c>.</summary>
    public const string ModelDirectoryVariable = "LANCEORM_MODEL_DIR";

    /// <summary>Creates the settings: at most 256 word pieces per text, as sentence-transformers.</summary>
    public MiniLmOptions()
        : base(ModelManifest.AllMiniLmL6V2, maxTokens: 256)
    {
    }

    internal override string OptionsName => nameof(MiniLmOptions);

    internal override string ModelDirectoryVariableName => ModelDirectoryVariable;
}
