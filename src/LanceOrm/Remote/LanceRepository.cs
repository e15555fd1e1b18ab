using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Apache.Arrow;
using LanceOrm.Filtering;
using LanceOrm.Mapping;
using LanceOrm.Remote.Http;
using LanceOrm.Remote.Schemas;

namespace LanceOrm;

/// <summary>
/// The typed repository over one table; generated repositories (for example <c>ArticleRepository</c>) derive from it.
/// Writes embed locally the rows whose vectors are missing and are sent as idempotent <c>merge_insert</c> batches on the
/// key, so a retry after a lost response never duplicates a row. Before the first write (and on <see cref="OpenAsync"/>)
/// the server's schema is compared with the generated one. Thread-safe.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public class LanceRepository<T>
{
    private readonly FilterTranslator<T> _translator;
    private Task? _validation;

    /// <summary>Creates a repository.</summary>
    public LanceRepository(LanceDbConnection connection, ILanceEntityMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(map);
        TableNames.Validate(map.TableName);
        Connection = connection;
        Map = map;
        _translator = new FilterTranslator<T>(map);
    }

    /// <summary>The connection.</summary>
    public LanceDbConnection Connection { get; }

    /// <summary>The generated mapping.</summary>
    public ILanceEntityMap<T> Map { get; }

    /// <summary>The table name.</summary>
    public string TableName => Map.TableName;

    internal FilterTranslator<T> Translator => _translator;

    internal LanceDbTransport Transport => Connection.Transport;

    /// <summary>
    /// Creates the table from the generated schema (a schema-only Arrow stream, embedding metadata included).
    /// Not retried, as the official client.
    /// </summary>
    /// <exception cref="TableAlreadyExistsException">The table exists and <paramref name="mode"/> is <see cref="CreateMode.Create"/>.</exception>
    /// <exception cref="SchemaMismatchException">Mode <see cref="CreateMode.ExistOk"/> found a table with another schema.</exception>
    public async Task CreateTableAsync(CreateMode mode = CreateMode.Create, CancellationToken cancellationToken = default)
    {
        var wireMode = mode switch
        {
            CreateMode.Create => "create",
            CreateMode.ExistOk => "exist_ok",
            CreateMode.Overwrite => "overwrite",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };
        using var content = await ArrowIpc.ToStreamContentAsync(Map.Schema, [], cancellationToken).ConfigureAwait(false);
        using (await Transport.SendAsync((api, ct) => api.CreateTable(TableName, wireMode, content, false, ct), Transport.Context("Create table", TableName, retryable: false, isCreate: true), cancellationToken).ConfigureAwait(false))
        {
        }

        if (mode == CreateMode.ExistOk)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _validation = Task.CompletedTask;
        }
    }

    /// <summary>
    /// Describes the table and compares its schema with the generated one.
    /// </summary>
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
    /// Sent as <c>merge_insert</c> with <c>when_matched_update_all=false</c>, so replaying a batch after a lost
    /// response inserts nothing twice.
    /// </summary>
    public Task<WriteResult> AddAsync(IEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(ToAsync(rows), upsert: false, progress, cancellationToken);
    }

    /// <inheritdoc cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    public Task<WriteResult> AddAsync(IAsyncEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, upsert: false, progress, cancellationToken);
    }

    /// <summary>Inserts or replaces rows by key (<c>merge_insert</c> on the key column; idempotent), in batches.</summary>
    public Task<WriteResult> UpsertAsync(IEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(ToAsync(rows), upsert: true, progress, cancellationToken);
    }

    /// <inheritdoc cref="UpsertAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    public Task<WriteResult> UpsertAsync(IAsyncEnumerable<T> rows, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows, upsert: true, progress, cancellationToken);
    }

    /// <summary>The row with that key, or <c>null</c>.</summary>
    public async Task<T?> GetAsync(object key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var filter = $"{SqlLiteral.Column(Map.Key.ColumnName)} = {SqlLiteral.Format(key, Map.Key)}";
        var hits = await Query().WhereSql(filter).Limit(1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return hits.Count == 0 ? default : hits[0].Entity;
    }

    /// <summary>Counts rows, optionally those matching <paramref name="where"/>.</summary>
    public async Task<long> CountAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject();
        string? filter = null;
        if (where is not null)
        {
            filter = _translator.Translate(where);
            body["predicate"] = filter;
        }

        body["version"] = null;
        var json = await Transport.SendForJsonAsync((api, ct) => api.CountRows(TableName, body, ct), Transport.Context("Count rows", TableName, filter: filter), cancellationToken).ConfigureAwait(false);
        return json?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? json.GetValue<long>() : throw new LanceDbException($"Count rows on table '{TableName}' returned no number.");
    }

    /// <summary>Updates the rows matching <paramref name="where"/>; returns how many were updated.</summary>
    public async Task<long> UpdateAsync(Expression<Func<T, bool>> where, Action<LanceUpdateBuilder<T>> set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(set);
        var builder = new LanceUpdateBuilder<T>(_translator);
        set(builder);
        if (builder.Assignments.Count == 0)
        {
            throw new ArgumentException("An update needs at least one assignment.", nameof(set));
        }

        var filter = _translator.Translate(where);
        var updates = new JsonArray();
        foreach (var (column, sql) in builder.Assignments)
        {
            updates.Add((JsonNode)new JsonArray(JsonValue.Create(column), JsonValue.Create(sql)));
        }

        var body = new JsonObject { ["updates"] = updates, ["predicate"] = filter };
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        var json = await Transport.SendForJsonAsync((api, ct) => api.Update(TableName, body, ct), Transport.Context("Update", TableName, filter: filter), cancellationToken).ConfigureAwait(false);
        return json?["rows_updated"]?.GetValue<long>() ?? 0;
    }

    /// <summary>Deletes the rows matching <paramref name="where"/>; returns how many were deleted when the server says.</summary>
    public async Task<long> DeleteAsync(Expression<Func<T, bool>> where, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(where);
        var filter = _translator.Translate(where);
        var body = new JsonObject { ["predicate"] = filter };
        var json = await Transport.SendForJsonAsync((api, ct) => api.Delete(TableName, body, ct), Transport.Context("Delete", TableName, filter: filter), cancellationToken).ConfigureAwait(false);
        return json?["num_deleted_rows"]?.GetValue<long>() ?? 0;
    }

    /// <summary>Creates a vector index on the vector column of an embedded property.</summary>
    public Task CreateVectorIndexAsync(Expression<Func<T, string>> embeddedProperty, VectorIndexOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateVectorIndexAsync(BindingOf(embeddedProperty).VectorColumn, options, cancellationToken);

    /// <summary>Creates a vector index on a vector column.</summary>
    public async Task CreateVectorIndexAsync(string vectorColumn, VectorIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        var column = Map.Columns.FirstOrDefault(c => c.ColumnName == vectorColumn && c.Kind == LanceValueKind.Vector)
            ?? throw new ArgumentException($"'{vectorColumn}' is not a vector column of table '{TableName}'.", nameof(vectorColumn));
        options ??= new VectorIndexOptions();
        var body = new JsonObject
        {
            ["column"] = column.ColumnName,
            ["index_type"] = options.IndexType switch
            {
                VectorIndexType.IvfFlat => "IVF_FLAT",
                VectorIndexType.IvfSq => "IVF_SQ",
                VectorIndexType.IvfHnswSq => "IVF_HNSW_SQ",
                VectorIndexType.IvfHnswPq => "IVF_HNSW_PQ",
                _ => "IVF_PQ",
            },
            ["metric_type"] = Wire(options.DistanceType),
            ["sample_rate"] = options.SampleRate,
            ["max_iterations"] = options.MaxIterations,
        };
        if (options.NumPartitions is { } partitions)
        {
            body["num_partitions"] = partitions;
        }

        if (options.NumSubVectors is { } subVectors)
        {
            body["num_sub_vectors"] = subVectors;
        }

        if (options.Name is { } name)
        {
            body["name"] = name;
        }

        await CreateIndexAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a scalar index (BTREE by default) on a column.</summary>
    public Task CreateScalarIndexAsync<TValue>(Expression<Func<T, TValue>> property, ScalarIndexType indexType = ScalarIndexType.BTree, string? name = null, CancellationToken cancellationToken = default)
    {
        var column = _translator.Column(property);
        var body = new JsonObject
        {
            ["column"] = column.ColumnName,
            ["index_type"] = indexType switch { ScalarIndexType.Bitmap => "BITMAP", ScalarIndexType.LabelList => "LABEL_LIST", _ => "BTREE" },
        };
        if (name is not null)
        {
            body["name"] = name;
        }

        return CreateIndexAsync(body, cancellationToken);
    }

    /// <summary>Creates a full-text (FTS) index on a text column.</summary>
    public Task CreateFullTextIndexAsync(Expression<Func<T, string>> property, string? name = null, CancellationToken cancellationToken = default)
    {
        var column = _translator.Column(property);
        var body = new JsonObject { ["column"] = column.ColumnName, ["index_type"] = "FTS" };
        if (name is not null)
        {
            body["name"] = name;
        }

        return CreateIndexAsync(body, cancellationToken);
    }

    /// <summary>Lists the table's indices.</summary>
    public async Task<IReadOnlyList<LanceIndexInfo>> ListIndicesAsync(CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["version"] = null };
        var json = await Transport.SendForJsonAsync((api, ct) => api.ListIndices(TableName, body, ct), Transport.Context("List indices", TableName), cancellationToken).ConfigureAwait(false);
        return (json?["indexes"]?.AsArray() ?? []).Select(i => new LanceIndexInfo(
            i!["index_name"]?.GetValue<string>() ?? "",
            (i["columns"]?.AsArray() ?? []).Select(c => c!.GetValue<string>()).ToArray(),
            i["index_type"]?.GetValue<string>())).ToArray();
    }

    /// <summary>A plain scan (filter, projection, limit) over the table.</summary>
    public LanceQuery<T> Query() => new(this);

    /// <summary>Semantic search: embeds <paramref name="text"/> locally with the property's embedding function.</summary>
    /// <param name="property">An <see cref="EmbedAttribute"/> property (checked at compile time by analyzer LANCE012).</param>
    /// <param name="text">The query text.</param>
    public LanceQuery<T> Search(Expression<Func<T, string>> property, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var binding = BindingOf(property);
        return new LanceQuery<T>(this).WithVectorSearch(binding, text, null);
    }

    /// <summary>Vector search with a query vector (against the only vector column, or <paramref name="vectorColumn"/>).</summary>
    public LanceQuery<T> Search(ReadOnlyMemory<float> vector, string? vectorColumn = null)
    {
        if (vector.Length == 0)
        {
            throw new ArgumentException("The query vector is empty.", nameof(vector));
        }

        if (vectorColumn is not null && !Map.Columns.Any(c => c.ColumnName == vectorColumn && c.Kind == LanceValueKind.Vector))
        {
            throw new ArgumentException($"'{vectorColumn}' is not a vector column of table '{TableName}'.", nameof(vectorColumn));
        }

        return new LanceQuery<T>(this).WithVectorSearch(null, null, (vector.ToArray(), vectorColumn));
    }

    /// <summary>Full-text search (needs an FTS index) over the given text columns (all FTS-indexed columns when none).</summary>
    public LanceQuery<T> FullTextSearch(string text, params Expression<Func<T, string>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new LanceQuery<T>(this).WithFullText(text, columns.Select(c => _translator.Column(c).ColumnName).ToArray());
    }

    /// <summary>
    /// Hybrid search: a vector search (the text embedded with the property's function) and a full-text search on the same
    /// column, merged locally by reciprocal-rank fusion (<see cref="SearchHit{T}.RelevanceScore"/>), as the official client.
    /// </summary>
    public LanceQuery<T> HybridSearch(Expression<Func<T, string>> property, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var binding = BindingOf(property);
        return new LanceQuery<T>(this).WithVectorSearch(binding, text, null).WithFullText(text, [binding.SourceColumn]);
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceRepository<{typeof(T).Name}> {{ Table = {TableName}, Connection = {Connection} }}";

    internal EmbeddingBinding<T> BindingOf(Expression<Func<T, string>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var name = property.Body is MemberExpression member ? member.Member.Name : throw new ArgumentException($"'{property}' is not a property access.", nameof(property));
        return Map.Embeddings.FirstOrDefault(b => b.SourcePropertyName == name)
            ?? throw new ArgumentException($"Property '{name}' of {typeof(T).Name} has no [Embed] attribute; only embedded properties can be searched by text.", nameof(property));
    }

    internal static string Wire(DistanceType distance) => distance switch
    {
        DistanceType.Cosine => "cosine",
        DistanceType.Dot => "dot",
        DistanceType.Hamming => "hamming",
        _ => "l2",
    };

    internal Task EnsureValidatedAsync(CancellationToken cancellationToken)
    {
        var current = _validation;
        if (current is { IsCompletedSuccessfully: true })
        {
            return current;
        }

        return OpenAsync(cancellationToken);
    }

    private async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var json = await Transport.SendForJsonAsync((api, ct) => api.DescribeTable(TableName, ct), Transport.Context("Describe table", TableName), cancellationToken).ConfigureAwait(false);
        var differences = SchemaComparer.Compare(Map.Schema, json?["schema"]);
        if (differences.Count > 0)
        {
            throw new SchemaMismatchException(TableName, differences);
        }
    }

    private async Task CreateIndexAsync(JsonObject body, CancellationToken cancellationToken)
    {
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        using (await Transport.SendAsync((api, ct) => api.CreateIndex(TableName, body, ct), Transport.Context("Create index", TableName), cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private async Task<WriteResult> WriteAsync(IAsyncEnumerable<T> rows, bool upsert, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        var batchSize = Connection.Options.WriteBatchSize;
        long sent = 0, inserted = 0, updated = 0, embedded = 0, version = 0;
        var batches = 0;
        var chunk = new List<T>(batchSize);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row is null)
            {
                throw new ArgumentException($"Row {sent + chunk.Count} is null.", nameof(rows));
            }

            chunk.Add(row);
            if (chunk.Count == batchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        if (chunk.Count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        return new WriteResult(sent, inserted, updated, embedded, version);

        async Task FlushAsync()
        {
            var (vectors, rowsEmbedded) = await RowEmbedder.EmbedAsync(Map, Connection.EmbeddingRegistry, chunk, cancellationToken).ConfigureAwait(false);
            using RecordBatch batch = Map.ToRecordBatch(chunk, vectors);
            using var content = await ArrowIpc.ToStreamContentAsync(Map.Schema, [batch], cancellationToken).ConfigureAwait(false);
            var json = await Transport.SendForJsonAsync(
                (api, ct) => api.MergeInsert(TableName, Map.Key.ColumnName, upsert ? "true" : "false", "true", "false", content, true, ct),
                Transport.Context(upsert ? "Upsert" : "Add", TableName, rows: chunk.Count),
                cancellationToken).ConfigureAwait(false);
            sent += chunk.Count;
            embedded += rowsEmbedded;
            inserted += json?["num_inserted_rows"]?.GetValue<long>() ?? 0;
            updated += json?["num_updated_rows"]?.GetValue<long>() ?? 0;
            version = json?["version"]?.GetValue<long>() ?? version;
            batches++;
            chunk.Clear();
            progress?.Report(new WriteProgress(sent, embedded, batches));
        }
    }

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
