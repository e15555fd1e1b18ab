using LanceOrm.Embeddings.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LanceOrm.Embeddings;

/// <summary>
/// sentence-transformers/all-MiniLM-L6-v2 (384 dimensions): at most 256 word pieces, attention-masked mean pooling,
/// L2 normalisation — the vectors LanceDB's Python <c>sentence-transformers</c> function writes. No query prefix.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : OnnxTextEmbeddingGenerator
{
    /// <summary>Creates a generator; nothing is loaded until the first call (or <see cref="OnnxTextEmbeddingGenerator.InitializeAsync"/>).</summary>
    public MiniLmEmbeddingGenerator(MiniLmOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(options ?? new MiniLmOptions(), loggerFactory, resolver: null, sessionFactory: null)
    {
    }

    /// <summary>Creates a generator from DI options.</summary>
    public MiniLmEmbeddingGenerator(IOptions<MiniLmOptions> options, ILoggerFactory? loggerFactory = null)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), loggerFactory, resolver: null, sessionFactory: null)
    {
    }

    internal MiniLmEmbeddingGenerator(MiniLmOptions options, ILoggerFactory? loggerFactory, ModelResolver? resolver, IOnnxSessionFactory? sessionFactory)
        : base(options, BuiltInEmbeddingFunctions.MiniLmDimensions, loggerFactory, resolver, sessionFactory)
    {
    }
}
