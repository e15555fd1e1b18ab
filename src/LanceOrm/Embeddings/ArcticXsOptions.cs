namespace LanceOrm.Embeddings;

/// <summary>Settings of <see cref="ArcticXsEmbeddingGenerator"/> (Snowflake/snowflake-arctic-embed-xs).</summary>
public sealed class ArcticXsOptions : TextModelOptions
{
    /// <summary>The environment variable naming a model directory: <c>LANCEORM_ARCTIC_XS_MODEL_DIR</c>.</summary>
    public const string ModelDirectoryVariable = "LANCEORM_ARCTIC_XS_MODEL_DIR";

    /// <summary>Creates the settings: at most 512 word pieces per text, the model's limit.</summary>
    public ArcticXsOptions()
        : base(ModelManifest.ArcticEmbedXs, maxTokens: 512)
    {
    }

    internal override string OptionsName => nameof(ArcticXsOptions);

    internal override string ModelDirectoryVariableName => ModelDirectoryVariable;
}
