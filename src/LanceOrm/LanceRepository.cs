using System.ComponentModel;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LanceOrm.Embeddings;
using LanceOrm.Indexing;
using LanceOrm.Mapping;
using LanceOrm.Protocol;
using LanceOrm.Querying;
using LanceOrm.Writing;

namespace LanceOrm;

/// <summary>
/// The typed repository over one table; each entity's generated repository (for example <c>ArticleRepository</c>,
/// obtained with <c>connection.Articles()</c> or from DI) derives from it. Writes embed locally the rows whose vectors
/// are missing; adds and upserts are sent as idempotent <c>merge_insert</c> batches on the key, so a retry after a lost
/// response never duplicates a row (<c>AppendAsync</c> appends without a key check). Before the first write (and on <see cref="OpenAsync"/>) the server's schema is compared with the
/// generated one. Reads after a write through the same connection see that write (read-your-writes). Thread-safe.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <typeparam name="TKey">The type of the entity's <c>[Key]</c> property.</typeparam>
public abstract partial class LanceRepository<T, TKey>
    where TKey : notnull
{
    private static readonly TimeSpan DefaultIndexWait = TimeSpan.FromMinutes(5);
    private readonly FilterTranslator<T> _translator;
    private readonly RemoteTable _table;
    private readonly QuerySource<T> _source;
    private Task? _validation;

    /// <summary>Creates the repository (called by the generated repository's constructor).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="map">The generated mapping of <typeparamref name="T"/>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected LanceRepository(LanceDbConnection connection, ILanceEntityMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(map);
        TableNames.Validate(map.TableName);
        Connection = connection;
        Map = map;
        _translator = new FilterTranslator<T>(map);
        _table = connection.Remote.Table(map.TableName);
        _source = new QuerySource<T>(_table, map, _translator, connection.Embeddings);
    }

    /// <summary>The connection.</summary>
    public LanceDbConnection Connection { get; }

    /// <summary>The generated mapping (schema, columns, embeddings).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ILanceEntityMap<T> Map { get; }

    /// <summary>The table name.</summary>
    public string TableName => Map.TableName;

    /// <summary>The table client (for the VectorData connector).</summary>
    internal RemoteTable Table => _table;

    /// <summary>What this repository's queries run against (for the VectorData connector).</summary>
    internal QuerySource<T> Source => _source;

    /// <summary>
    /// Creates the table from the generated schema (a schema-only Arrow stream, embedding metadata included).
    /// Not retried, as the official client.
    /// </summary>
    /// <exception cref="TableAlreadyExistsException">The table exists and <paramref name="mode"/> is <see cref="CreateMode.Create"/>.</exception>
    /// <exception cref="SchemaMismatchException">Mode <see cref="CreateMode.ExistOk"/> found a table with another schema.</exception>
    public async Task CreateTableAsync(CreateMode mode = CreateMode.Create, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }

        await _table.CreateAsync(Map.Schema, mode, cancellationToken).ConfigureAwait(false);
        if (mode == CreateMode.ExistOk)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _validation = Task.CompletedTask;
        }
    }

    /// <summary>Describes the table and compares its schema with the generated one.</summary>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    /// <exception cref="SchemaMismatchException">A mapped column is missing, has another type or another vector dimension (all named).</exception>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        var validation = ValidateAsync(cancellationToken);
        _validation = validation;
        try
        {
            await validation.ConfigureAwait(false);
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _validation, null, validation);
            throw;
        }
    }

    /// <summary>Drops the table.</summary>
    public Task DropAsync(CancellationToken cancellationToken = default)
    {
        _validation = null;
        return Connection.DropTableAsync(TableName, cancellationToken);
    }

    /// <summary>
    /// Inserts rows whose key is not in the table yet (rows with an existing key are left untouched), in batches.
    /// Sent as <c>merge_insert</c> that does not update matches, so replaying a batch after a lost response inserts
    /// nothing twice.
    /// </summary>
    /// <remarks>
    /// Rows go in batches of <see cref="LanceDbOptions.WriteBatchSize"/> rows and at most
    /// <see cref="LanceDbOptions.MaxRequestBodyBytes"/> bytes (a larger batch, or one the server refuses with 413, is split
    /// by rows), in source order; each request is atomic and is sent once the previous one was acknowledged. Rows given as an in-memory collection (array, list, any
    /// <see cref="ICollection{T}"/> or <see cref="IReadOnlyCollection{T}"/>) are all checked before the first batch is
    /// sent; a streaming source is checked batch by batch.
    /// </remarks>
    /// <returns>The totals: rows, inserts, updates, and where each vector came from (computed, cache, supplied).</returns>
    /// <exception cref="InvalidRowException">A row of an in-memory collection cannot be written (null, null or repeated key, wrong vector dimension, a value its column cannot hold); nothing was written.</exception>
    /// <exception cref="WriteFailedException">The write stopped part-way: it says which rows are written and where to resume (<see cref="WriteFailedException.ResumePosition"/>).</exception>
    public Task<WriteResult> AddAsync(IEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, MergeInsertMode.Add, progress, cancellationToken);
    }

    /// <inheritdoc cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    public Task<WriteResult> AddAsync(IAsyncEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, MergeInsertMode.Add, rowsChecked: false, progress, cancellationToken);
    }

    /// <summary>Inserts or replaces rows by key (<c>merge_insert</c> on the key column; idempotent), in batches.</summary>
    /// <remarks><inheritdoc cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)" path="/remarks"/></remarks>
    /// <returns><inheritdoc cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)" path="/returns"/></returns>
    /// <exception cref="InvalidRowException">A row of an in-memory collection cannot be written; nothing was written.</exception>
    /// <exception cref="WriteFailedException">The write stopped part-way: it says which rows are written and where to resume (<see cref="WriteFailedException.ResumePosition"/>).</exception>
    public Task<WriteResult> UpsertAsync(IEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, MergeInsertMode.Upsert, progress, cancellationToken);
    }

    /// <inheritdoc cref="UpsertAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    public Task<WriteResult> UpsertAsync(IAsyncEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, MergeInsertMode.Upsert, rowsChecked: false, progress, cancellationToken);
    }

    /// <summary>The row with that key, or <c>null</c>.</summary>
    public Task<T?> GetAsync(TKey key, CancellationToken cancellationToken = default) => GetInAsync(_source, key, cancellationToken);

    /// <summary>Counts rows, optionally those matching <paramref name="where"/>.</summary>
    public Task<long> CountAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default) =>
        CountInAsync(_source, where, cancellationToken);

    /// <summary>
    /// Updates the rows matching <paramref name="where"/>; returns how many were updated. Assigning the text of an
    /// <see cref="EmbedAttribute"/> property also assigns its vector, computed locally (one embedding for all matching
    /// rows), in the same request.
    /// </summary>
    public async Task<long> UpdateAsync(Expression<Func<T, bool>> where, Action<LanceUpdateBuilder<T>> set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(set);
        var builder = new LanceUpdateBuilder<T>(_translator, Map);
        set(builder);
        if (builder.Assignments.Count == 0)
        {
            throw new ArgumentException("An update needs at least one assignment.", nameof(set));
        }

        var filter = _translator.Translate(where);
        var assignments = builder.Assignments.ToList();
        foreach (var (binding, text) in builder.EmbeddedTexts)
        {
            var vector = await _source.EmbedDocumentAsync(binding, text, cancellationToken).ConfigureAwait(false);
            assignments.Add((binding.VectorColumn, VectorLiteral.Format(vector)));
        }

        foreach (var (binding, image) in builder.EmbeddedImages)
        {
            assignments.Add((binding.VectorColumn, image is { } value
                ? VectorLiteral.Format(await _source.EmbedDocumentImageAsync(binding, value, cancellationToken).ConfigureAwait(false))
                : "NULL"));
        }

        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        var result = await _table.UpdateAsync(assignments, filter, cancellationToken).ConfigureAwait(false);
        return result.RowsUpdated;
    }

    /// <summary>Deletes the rows matching <paramref name="where"/>; returns how many were deleted when the server says.</summary>
    public async Task<long> DeleteAsync(Expression<Func<T, bool>> where, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(where);
        var result = await _table.DeleteAsync(_translator.Translate(where), cancellationToken).ConfigureAwait(false);
        return result.NumDeletedRows;
    }

    /// <summary>Creates a vector index on the vector column of an embedded property.</summary>
    public Task CreateVectorIndexAsync(Expression<Func<T, string>> embeddedProperty, VectorIndexOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateVectorIndexAsync(BindingOf(embeddedProperty, "indexed by their vector column (for a [Vector] column, pass its name)").VectorColumn, options, cancellationToken);

    /// <summary>Creates a vector index on a vector column.</summary>
    public Task CreateVectorIndexAsync(string vectorColumn, VectorIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        var column = Map.Columns.FirstOrDefault(c => c.ColumnName == vectorColumn && c.Kind == LanceValueKind.Vector)
            ?? throw new ArgumentException($"'{vectorColumn}' is not a vector column of table '{TableName}'.", nameof(vectorColumn));
        options ??= new VectorIndexOptions();
        return CreateIndexAsync(
            new CreateIndexRequest(column.ColumnName, Wire.Name(options.IndexType))
            {
                MetricType = Wire.Name(options.DistanceType),
                SampleRate = options.SampleRate,
                MaxIterations = options.MaxIterations,
                NumPartitions = options.NumPartitions,
                NumSubVectors = options.NumSubVectors,
                Name = options.Name,
            },
            cancellationToken);
    }

    /// <summary>Creates a scalar index (BTREE by default) on a column.</summary>
    public Task CreateScalarIndexAsync<TValue>(Expression<Func<T, TValue>> property, ScalarIndexType indexType = ScalarIndexType.BTree, string? name = null, CancellationToken cancellationToken = default) =>
        CreateIndexAsync(new CreateIndexRequest(_translator.Column(property).ColumnName, Wire.Name(indexType)) { Name = name }, cancellationToken);

    /// <summary>Creates a full-text (FTS) index on a text column.</summary>
    public Task CreateFullTextIndexAsync(Expression<Func<T, string>> property, string? name = null, CancellationToken cancellationToken = default) =>
        CreateIndexAsync(new CreateIndexRequest(_translator.Column(property).ColumnName, Wire.FullTextIndexType) { Name = name }, cancellationToken);

    /// <summary>
    /// Creates every index the entity declares (<see cref="VectorIndexAttribute"/>, <see cref="ScalarIndexAttribute"/>,
    /// <see cref="FullTextIndexAttribute"/>) that the table does not have yet, then waits until the created ones are ready
    /// (<see cref="WaitForIndexAsync"/>). Lists the indices first, so it is idempotent and safe to call at every start: an
    /// index of the declared name, or of the same family (vector, scalar, full-text) on the same column, is kept as it is.
    /// A vector index needs rows to train on (IVF_PQ at least 256): call this after the first data is written.
    /// </summary>
    /// <param name="timeout">How long to wait for the created indices (default 5 minutes, at most 2 hours).</param>
    /// <param name="cancellationToken">Cancels the call (the server may still build what was asked for).</param>
    /// <returns>The names of the indices this call created (empty when all were there).</returns>
    /// <exception cref="IndexWaitTimeoutException">A created index was not ready in time (it keeps building).</exception>
    public async Task<IReadOnlyList<string>> CreateDeclaredIndicesAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultIndexWait;
        IndexWaiter.ValidateTimeout(wait, nameof(timeout));
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        return await DeclaredIndices.CreateMissingAsync(_table, Map.Indices, wait, Connection.Time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the index exists and covers every row (its stats report no unindexed rows), polling the index list
    /// and the index stats every second, as the official client's <c>wait_for_index</c>.
    /// </summary>
    /// <param name="indexName">The index name (by default <c>{column}_idx</c>).</param>
    /// <param name="timeout">How long to wait (0 checks once; at most 2 hours).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="IndexWaitTimeoutException">The index was missing or still building when the time ran out.</exception>
    public Task WaitForIndexAsync(string indexName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        IndexWaiter.ValidateTimeout(timeout, nameof(timeout));
        return IndexWaiter.WaitAsync(_table, [indexName], timeout, Connection.Time, cancellationToken);
    }

    /// <summary>Lists the table's indices.</summary>
    public async Task<IReadOnlyList<LanceIndexInfo>> ListIndicesAsync(CancellationToken cancellationToken = default)
    {
        var indices = await _table.ListIndicesAsync(cancellationToken).ConfigureAwait(false);
        return indices.Select(i => new LanceIndexInfo(i.IndexName ?? "", i.Columns ?? [], i.IndexType)).ToArray();
    }

    /// <summary>A plain scan (filter, projection, limit) over the table.</summary>
    public LanceQuery<T> Query() => new(_source);

    /// <summary>The row with that key in what <paramref name="source"/> reads (the latest version, or a snapshot's), or <c>null</c>.</summary>
    internal async Task<T?> GetInAsync(QuerySource<T> source, TKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var filter = $"{SqlLiteral.Column(Map.Key.ColumnName)} = {SqlLiteral.Format(key, Map.Key)}";
        var hits = await new LanceQuery<T>(source).WhereSql(filter).Limit(1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return hits.Count == 0 ? default : hits[0].Entity;
    }

    /// <summary>Counts the rows <paramref name="source"/> reads, optionally those matching <paramref name="where"/>.</summary>
    internal Task<long> CountInAsync(QuerySource<T> source, Expression<Func<T, bool>>? where, CancellationToken cancellationToken) =>
        source.Table.CountRowsAsync(where is null ? null : _translator.Translate(where), cancellationToken);

    /// <summary>Semantic search: embeds <paramref name="text"/> locally with the property's embedding function.</summary>
    /// <param name="property">An <see cref="EmbedAttribute"/> property (checked at compile time by analyzer LANCE012).</param>
    /// <param name="text">The query text.</param>
    public LanceQuery<T> Search(Expression<Func<T, string>> property, string text) => SearchIn(_source, property, text);

    /// <summary>Vector search with a query vector (against the only vector column, or <paramref name="vectorColumn"/>).</summary>
    public LanceQuery<T> Search(ReadOnlyMemory<float> vector, string? vectorColumn = null) => SearchIn(_source, vector, vectorColumn);

    /// <summary>
    /// Search by example: embeds <paramref name="image"/> locally with the image function of <paramref name="property"/>
    /// (for example <c>[Embed("resnet18")]</c>) and returns the rows whose images are nearest. <c>byte[]</c> and
    /// <c>ReadOnlyMemory&lt;byte&gt;</c> convert to <see cref="ImageInput"/>; <see cref="ImageInput.FromFile(string)"/> reads a file.
    /// </summary>
    /// <typeparam name="TImage">The property's type (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>FileInfo</c>).</typeparam>
    /// <param name="property">An <see cref="EmbedAttribute"/> image property (checked at compile time by analyzers LANCE012 and LANCE024).</param>
    /// <param name="image">The example image.</param>
    /// <exception cref="ArgumentException">The property is not embedded, or is embedded with a text function.</exception>
    /// <exception cref="InvalidImageException">(When run) the example image cannot be decoded.</exception>
    public LanceQuery<T> Search<TImage>(Expression<Func<T, TImage>> property, ImageInput image) => SearchIn(_source, property, image);

    /// <inheritdoc cref="Search(Expression{Func{T, string}}, string)"/>
    internal LanceQuery<T> SearchIn(QuerySource<T> source, Expression<Func<T, string>> property, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new LanceQuery<T>(source).WithVectorSearch(BindingOf(property), text, null);
    }

    /// <inheritdoc cref="Search{TImage}(Expression{Func{T, TImage}}, ImageInput)"/>
    internal LanceQuery<T> SearchIn<TImage>(QuerySource<T> source, Expression<Func<T, TImage>> property, ImageInput image)
    {
        var binding = BindingOf(property, "searched by example image");
        if (binding.Modality != EmbeddingModality.Image)
        {
            throw new ArgumentException(
                $"Property '{binding.SourcePropertyName}' of {typeof(T).Name} is embedded with the text function '{binding.FunctionName}'; search it with text, not an image.", nameof(property));
        }

        return new LanceQuery<T>(source).WithImageSearch(binding, image);
    }

    /// <inheritdoc cref="Search(ReadOnlyMemory{float}, string?)"/>
    internal LanceQuery<T> SearchIn(QuerySource<T> source, ReadOnlyMemory<float> vector, string? vectorColumn)
    {
        if (vector.Length == 0)
        {
            throw new ArgumentException("The query vector is empty.", nameof(vector));
        }

        if (vectorColumn is not null && !Map.Columns.Any(c => c.ColumnName == vectorColumn && c.Kind == LanceValueKind.Vector))
        {
            throw new ArgumentException($"'{vectorColumn}' is not a vector column of table '{TableName}'.", nameof(vectorColumn));
        }

        return new LanceQuery<T>(source).WithVectorSearch(null, null, (vector.ToArray(), vectorColumn));
    }

    /// <summary>
    /// Full-text search over the given text columns (all full-text-indexed columns when none). Each searched column
    /// needs a full-text index: declare <see cref="FullTextIndexAttribute"/> and call <see cref="CreateDeclaredIndicesAsync"/>.
    /// For fuzziness, boosts, phrases and combined queries pass a <see cref="FullTextQuery{T}"/> instead.
    /// </summary>
    /// <exception cref="IndexNotFoundException">(When run) a searched column has no full-text index.</exception>
    public LanceQuery<T> FullTextSearch(string text, params Expression<Func<T, string>>[] columns) => FullTextSearchIn(_source, text, columns);

    /// <inheritdoc cref="FullTextSearch(string, Expression{Func{T, string}}[])"/>
    internal LanceQuery<T> FullTextSearchIn(QuerySource<T> source, string text, Expression<Func<T, string>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        return new LanceQuery<T>(source).WithFullText(text, columns.Select(c => _translator.Column(c).ColumnName).ToArray());
    }

    /// <summary>
    /// Hybrid search: a vector search (the text embedded with the property's function) and a full-text search on the same
    /// column, merged locally by reciprocal-rank fusion (<see cref="SearchHit{T}.RelevanceScore"/>), as the official client.
    /// The column needs a full-text index (see <see cref="FullTextSearch(string, Expression{Func{T, string}}[])"/>).
    /// </summary>
    /// <exception cref="IndexNotFoundException">(When run) the column has no full-text index.</exception>
    public LanceQuery<T> HybridSearch(Expression<Func<T, string>> property, string text) => HybridSearchIn(_source, property, text);

    /// <inheritdoc cref="HybridSearch(Expression{Func{T, string}}, string)"/>
    internal LanceQuery<T> HybridSearchIn(QuerySource<T> source, Expression<Func<T, string>> property, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var binding = BindingOf(property);
        return new LanceQuery<T>(source).WithVectorSearch(binding, text, null).WithFullText(text, [binding.SourceColumn]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {{ Table = {TableName}, Connection = {Connection} }}";

    private EmbeddingBinding<T> BindingOf(LambdaExpression property, string purpose = "searched by text")
    {
        ArgumentNullException.ThrowIfNull(property);
        var name = property.Body is MemberExpression { Expression: ParameterExpression parameter } member && parameter == property.Parameters[0]
            ? member.Member.Name
            : throw new ArgumentException($"'{property}' is not a plain property access such as x => x.Body; pass the [Embed] property itself.", nameof(property));
        return Map.Embeddings.FirstOrDefault(b => b.SourcePropertyName == name)
            ?? throw new ArgumentException($"Property '{name}' of {typeof(T).Name} has no [Embed] attribute; only embedded properties can be {purpose}.", nameof(property));
    }

    private Task EnsureValidatedAsync(CancellationToken cancellationToken)
    {
        var current = _validation;
        return current is { IsCompletedSuccessfully: true } ? current : OpenAsync(cancellationToken);
    }

    private async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var description = await _table.DescribeAsync(cancellationToken).ConfigureAwait(false);
        var differences = SchemaComparer.Compare(Map.Schema, description.Schema);
        if (differences.Count > 0)
        {
            throw new SchemaMismatchException(TableName, differences);
        }
    }

    private async Task CreateIndexAsync(CreateIndexRequest index, CancellationToken cancellationToken)
    {
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        await _table.CreateIndexAsync(index, cancellationToken).ConfigureAwait(false);
    }

    private Task<WriteResult> WriteAsync(IEnumerable<T> rows, MergeInsertMode mode, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        var inMemory = CheckIfInMemory(rows);
        return WriteAsync(ToAsync(rows), mode, inMemory, progress, cancellationToken);
    }

    private async Task<WriteResult> WriteAsync(IAsyncEnumerable<T> rows, MergeInsertMode mode, bool rowsChecked, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        var sink = new MergeInsertSink(_table, Map.Key.ColumnName, mode);
        return await WritePipeline<T>.RunAsync(NewWriteTarget(), rows, sink, rowsChecked, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks every row of an in-memory collection before anything is sent; answers whether it was one.</summary>
    private bool CheckIfInMemory(IEnumerable<T> rows)
    {
        var inMemory = rows is ICollection<T> or IReadOnlyCollection<T>;
        if (inMemory)
        {
            RowValidator<T>.CheckCollection(Map, rows, Connection.WriteBatchSize);
        }

        return inMemory;
    }

    private WriteTarget<T> NewWriteTarget() =>
        new(_table, Map, Connection.Embeddings, Connection.WriteBatchSize, Connection.WritePipelineDepth, Connection.MaxRequestBodyBytes, Connection.Logger);

    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
