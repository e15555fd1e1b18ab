using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LanceOrm.Querying;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData;

public partial class LanceDbCollection<TKey, TRecord>
{
    /// <summary>The most keys one request carries (an <c>IN</c> list); more keys take several requests.</summary>
    private const int KeysPerRequest = 500;

    /// <inheritdoc />
    public override async Task<TRecord?> GetAsync(TKey key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var query = Records(options?.IncludeVectors is true).WhereSql(KeyIn([key])).Limit(1);
        var hits = await RunAsync("Get", () => query.ToListAsync(cancellationToken)).ConfigureAwait(false);
        return hits.Count == 0 ? null : hits[0].Entity;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<TRecord> GetAsync(IEnumerable<TKey> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var query = Records(options?.IncludeVectors is true);
        return WrapAsync(GetByKeysAsync(query, keys, cancellationToken), "Get", cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="FilteredRecordRetrievalOptions{TRecord}.OrderBy"/> sorts on the server (strings by code point,
    /// nulls first when ascending and last when descending, as .NET's comparers put them).
    /// </remarks>
    public override IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new FilteredRecordRetrievalOptions<TRecord>();
        var query = Records(options.IncludeVectors).WhereSql(Translate(filter)).Limit(top);
        if (options.Skip > 0)
        {
            query = query.Offset(options.Skip);
        }

        if (options.OrderBy is { } orderBy)
        {
            var sorts = orderBy(new FilteredRecordRetrievalOptions<TRecord>.OrderByDefinition()).Values;
            if (sorts.Count > 0)
            {
                query = query.OrderBy(sorts.Select(s => (_shape.Column(s.PropertySelector), s.Ascending)).ToArray());
            }
        }

        return WrapAsync(query.AsAsyncEnumerable(cancellationToken).Select(hit => hit.Entity), "Get", cancellationToken);
    }

    /// <inheritdoc />
    public override Task DeleteAsync(TKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RunAsync("Delete", () => _repository.Table.DeleteAsync(KeyIn([key]), cancellationToken));
    }

    /// <inheritdoc />
    public override Task DeleteAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync("Delete", async () =>
        {
            foreach (var chunk in keys.Chunk(KeysPerRequest))
            {
                await _repository.Table.DeleteAsync(KeyIn(chunk), cancellationToken).ConfigureAwait(false);
            }
        });
    }

    /// <inheritdoc />
    public override Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync([record], cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Embeddings are generated first (one call per generated vector property), then the records are written in
    /// batches of <see cref="LanceDbOptions.WriteBatchSize"/>, each an atomic, idempotent <c>merge_insert</c> on the key.
    /// A record that cannot be written (null, null or repeated key, wrong vector dimension) is refused before anything
    /// is sent (<see cref="InvalidRowException"/>). A <see cref="Guid"/> key marked auto-generated that is empty gets a
    /// new value, set on the record.
    /// </remarks>
    public override async Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = await _shape.PrepareAsync(records, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return;
        }

        try
        {
            await RunAsync("Upsert", async () =>
            {
                await _repository.UpsertAsync(list, null, cancellationToken).ConfigureAwait(false);
                await BuildVectorIndicesAsync(cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            _shape.Release(list);
        }
    }

    /// <summary>A scan of whole records (vector columns only when asked for).</summary>
    private LanceQuery<TRecord> Records(bool includeVectors)
    {
        if (includeVectors && _shape.EmbeddingGenerationRequired)
        {
            throw new NotSupportedException(VectorDataStrings.IncludeVectorsNotSupportedWithEmbeddingGeneration);
        }

        var query = _repository.Query();
        return includeVectors ? query : query.WithColumns(_columnsWithoutVectors);
    }

    private string Translate(Expression<Func<TRecord, bool>> filter) => _repository.Source.Translator.Translate(filter);

    private string KeyIn(IReadOnlyCollection<TKey> keys)
    {
        var key = _repository.Map.Key;
        var column = SqlLiteral.Column(key.ColumnName);
        return keys.Count == 1
            ? $"{column} = {SqlLiteral.Format(keys.First(), key)}"
            : $"{column} IN ({string.Join(", ", keys.Select(k => SqlLiteral.Format(k ?? throw new ArgumentException("A key is null.", nameof(keys)), key)))})";
    }

    private async IAsyncEnumerable<TRecord> GetByKeysAsync(LanceQuery<TRecord> query, IEnumerable<TKey> keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(KeysPerRequest))
        {
            await foreach (var hit in query.WhereSql(KeyIn(chunk)).Limit(chunk.Length).AsAsyncEnumerable(cancellationToken).ConfigureAwait(false))
            {
                yield return hit.Entity;
            }
        }
    }
}
