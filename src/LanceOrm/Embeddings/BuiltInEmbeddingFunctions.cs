namespace LanceOrm.Embeddings;

/// <summary>The embedding functions every <see cref="EmbeddingRegistry"/> knows without registration.</summary>
internal static class BuiltInEmbeddingFunctions
{
    /// <summary>The registry name of sentence-transformers/all-MiniLM-L6-v2.</summary>
    public const string MiniLm = "minilm";

    /// <summary>The vector dimension of all-MiniLM-L6-v2.</summary>
    public const int MiniLmDimensions = 384;

    /// <summary>The Hugging Face model id of all-MiniLM-L6-v2.</summary>
    public const string MiniLmModelId = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>The registry name of Snowflake/snowflake-arctic-embed-xs.</summary>
    public const string ArcticXs = "arctic-xs";

    /// <summary>The vector dimension of snowflake-arctic-embed-xs.</summary>
    public const int ArcticXsDimensions = 384;

    /// <summary>The Hugging Face model id of snowflake-arctic-embed-xs.</summary>
    public const string ArcticXsModelId = "Snowflake/snowflake-arctic-embed-xs";

    /// <summary>The prefix snowflake-arctic-embed's model card puts before search queries (never before documents).</summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The registry name of the built-in image model (ResNet-18 of Microsoft.ML.DnnImageFeaturizer.ResNet18).</summary>
    public const string ResNet18 = "resnet18";

    /// <summary>The vector dimension of <c>resnet18</c> (its pooled features).</summary>
    public const int ResNet18Dimensions = 512;

    /// <summary>The model id of <c>resnet18</c>.</summary>
    public const string ResNet18ModelId = "microsoft/ML.NET DnnImageFeaturizer ResNet18 0.23.1";

    /// <summary>
    /// The identity of <c>resnet18</c>. Image functions are written under LanceOrm's own schema metadata key
    /// (<c>lanceorm_embedding_functions</c>), which the official clients do not read.
    /// </summary>
    public static EmbeddingFunctionIdentity ResNet18Identity { get; } =
        new(ResNet18, ResNet18ModelId, "1", "resnet18", """{"name":"resnet18","package":"Microsoft.ML.DnnImageFeaturizer.ResNet18","version":"0.23.1"}""");

    /// <summary>
    /// The identity of <c>minilm</c>: written to table metadata as
    /// <c>{"name": "sentence-transformers", "model": {"name": "all-MiniLM-L6-v2"}}</c>, the form LanceDB's Python client reads.
    /// </summary>
    public static EmbeddingFunctionIdentity MiniLmIdentity { get; } =
        new(MiniLm, MiniLmModelId, "1", "sentence-transformers", """{"name":"all-MiniLM-L6-v2"}""");

    /// <summary>
    /// The identity of <c>arctic-xs</c>: table metadata <c>{"name": "sentence-transformers", "model": {"name":
    /// "Snowflake/snowflake-arctic-embed-xs"}}</c>, from which LanceDB's Python <c>sentence-transformers</c> function loads
    /// the same model (its [CLS] pooling and normalisation come with the model's own sentence-transformers config).
    /// </summary>
    public static EmbeddingFunctionIdentity ArcticXsIdentity { get; } =
        new(ArcticXs, ArcticXsModelId, "1", "sentence-transformers", """{"name":"Snowflake/snowflake-arctic-embed-xs"}""");

    /// <summary>The identity a function of <paramref name="identity"/> has in int8: another cache scope, the same table metadata.</summary>
    public static EmbeddingFunctionIdentity InPrecision(EmbeddingFunctionIdentity identity, ModelPrecision precision) =>
        precision == ModelPrecision.Int8 ? identity with { Version = identity.Version + "-int8" } : identity;
}
