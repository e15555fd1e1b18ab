using LanceOrm.VectorData.Mapping;
using LanceOrm.VectorData.Model;
using LanceOrm.Mapping;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData;

/// <summary>
/// A LanceDB table as a Microsoft.Extensions.VectorData collection. Records are described by the MEVD attributes
/// (<see cref="VectorStoreKeyAttribute"/>, <see cref="VectorStoreDataAttribute"/>, <see cref="VectorStoreVectorAttribute"/>)
/// or a <see cref="VectorStoreCollectionDefinition"/>; writes are idempotent <c>merge_insert</c> batches on the key
/// through LanceOrm's write pipeline, filters are translated to LanceDB SQL by LanceOrm's translator (C#'s null
/// semantics, escaped literals), and searches run on the server.
/// </summary>
/// <remarks>
/// Keys: <see cref="string"/>, <see cref="Guid"/> (may be generated on upsert), <see cref="int"/>, <see cref="long"/>.
/// Data: see <c>LanceDbVectorStore</c>'s remarks. Vectors: <c>ReadOnlyMemory&lt;float&gt;</c>, <c>Embedding&lt;float&gt;</c>,
/// <c>float[]</c>, or any input an embedding generator takes (for example <see cref="string"/>). Distance functions:
/// Euclidean squared (default, LanceDB's <c>l2</c>), Euclidean, cosine distance and similarity, dot product and negative
/// dot product similarity. Index kinds: <see cref="IndexKind.Flat"/> (exact search, the default), <see cref="IndexKind.Hnsw"/>
/// (LanceDB's IVF_HNSW_SQ) and <see cref="IndexKind.IvfFlat"/> (IVF_FLAT), built once the table holds 256 rows. Full-text-indexed
/// data properties get a full-text index when the collection is created (keyword hybrid search).
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
public partial class LanceDbCollection<TKey, TRecord> : VectorStoreCollection<TKey, TRecord>, IKeywordHybridSearchable<TRecord>
    where TKey : notnull
    where TRecord : class
{
    private readonly LanceRepository<TRecord, TKey> _repository;
    private readonly IRecordShape<TRecord> _shape;
    private readonly VectorStoreCollectionMetadata _metadata;
    private readonly bool _indicesOnCreate;
    private readonly string[] _columnsWithoutVectors;

    /// <summary>Creates a collection over the table <paramref name="name"/> (nothing is sent until it is used).</summary>
    /// <param name="connection">The LanceDB connection (not owned: disposing the collection leaves it open).</param>
    /// <param name="name">The table name.</param>
    /// <param name="options">The record definition and embedding generator, if any.</param>
    /// <exception cref="NotSupportedException">The record type, or one of its properties, cannot be stored in LanceDB (the message names it).</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("The record type's properties are found by reflection; use the definition-free dynamic collection or a LanceOrm entity (AsVectorStoreCollection) with trimming.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("The record type's properties are accessed through reflection.")]
    public LanceDbCollection(LanceDbConnection connection, string name, LanceDbCollectionOptions? options = null)
        : this(
            connection,
            name,
            static options => typeof(TRecord) == typeof(Dictionary<string, object?>)
                ? throw new NotSupportedException(VectorDataStrings.NonDynamicCollectionWithDictionaryNotSupported(typeof(LanceDbDynamicCollection)))
                : new LanceDbModelBuilder().Build(typeof(TRecord), typeof(TKey), options.Definition, options.EmbeddingGenerator),
            options)
    {
    }

    internal LanceDbCollection(LanceDbConnection connection, string name, Func<LanceDbCollectionOptions, CollectionModel> buildModel, LanceDbCollectionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var model = buildModel(options ?? new LanceDbCollectionOptions());
        var map = new ModelRecordMap<TRecord>(name, model);
        _repository = new ModelRepository<TRecord, TKey>(connection, map);
        _shape = new ModelShape<TRecord>(model, map);
        _metadata = Metadata(connection, name);
        _indicesOnCreate = true;
        _columnsWithoutVectors = ColumnsWithoutVectors(map);
    }

    internal LanceDbCollection(LanceRepository<TRecord, TKey> repository, IRecordShape<TRecord> shape)
    {
        _repository = repository;
        _shape = shape;
        _metadata = Metadata(repository.Connection, repository.TableName);
        _columnsWithoutVectors = ColumnsWithoutVectors(repository.Map);
    }

    /// <inheritdoc />
    public override string Name => _repository.TableName;

    /// <inheritdoc />
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync("CollectionExists", () => Tables.TableExistsAsync(_repository.Table, cancellationToken));

    /// <inheritdoc />
    /// <remarks>
    /// Creates the table from the record's schema if it does not exist (an existing table must have the same columns:
    /// <see cref="SchemaMismatchException"/> otherwise, wrapped), then the full-text indices of full-text-indexed
    /// properties that are missing. Vector indices (<see cref="IndexKind.Hnsw"/>, <see cref="IndexKind.IvfFlat"/>) are
    /// trained on data, so they are requested by the first upsert after which the table holds 256 rows. A collection
    /// over a LanceOrm repository (<c>AsVectorStoreCollection</c>) creates the table only: its declared indices are
    /// created by the repository's <c>CreateDeclaredIndicesAsync</c> once data is loaded.
    /// </remarks>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync("EnsureCollectionExists", async () =>
        {
            await _repository.CreateTableAsync(CreateMode.ExistOk, cancellationToken).ConfigureAwait(false);
            if (_indicesOnCreate)
            {
                await CreateTextIndicesAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        });

    /// <inheritdoc />
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        RunAsync("EnsureCollectionDeleted", async () =>
        {
            try
            {
                await _repository.DropAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (TableNotFoundException)
            {
            }

            return true;
        });

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? _metadata
            : serviceType == typeof(LanceDbConnection) ? _repository.Connection
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {{ Name = {Name}, Connection = {_repository.Connection} }}";

    private static string[] ColumnsWithoutVectors(ILanceEntityMap<TRecord> map) =>
        map.Columns.Where(c => c.Kind != LanceValueKind.Vector).Select(c => c.ColumnName).ToArray();

    private static VectorStoreCollectionMetadata Metadata(LanceDbConnection connection, string name) => new()
    {
        VectorStoreSystemName = LanceDbVectorStore.SystemName,
        VectorStoreName = connection.Database,
        CollectionName = name,
    };
}
