using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.Protocol;
using LanceOrm.Querying;

namespace LanceOrm;

/// <summary>
/// An immutable query over a table: vector, full-text, hybrid or plain filtered scan. Each method returns a new query;
/// nothing is sent until <see cref="ToListAsync"/> or <see cref="AsAsyncEnumerable"/>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed partial class LanceQuery<T>
{
    private readonly QuerySource<T> _source;
    private readonly QueryState _state;

    internal LanceQuery(QuerySource<T> source)
        : this(source, new QueryState())
    {
    }

    private LanceQuery(QuerySource<T> source, QueryState state)
    {
        _source = source;
        _state = state;
    }

    /// <summary>Keeps rows matching <paramref name="predicate"/> (translated to SQL now; values become escaped literals). Several calls are AND-ed.</summary>
    /// <exception cref="NotSupportedException">Part of the predicate has no SQL form; the message names it.</exception>
    public LanceQuery<T> Where(Expression<Func<T, bool>> predicate) => WhereSql(_source.Translator.Translate(predicate));

    /// <summary>
    /// Projects each row with <paramref name="selector"/> — <c>x =&gt; x.Title</c>, <c>x =&gt; new { x.Title, x.Year }</c>,
    /// <c>x =&gt; new TitleYear(x.Title, x.Year)</c> or a member initializer — and fetches only the columns it reads.
    /// The entity's own type cannot be the result: a query of <typeparamref name="T"/> always returns complete entities.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// The selector uses the entity as a whole, reads an unmapped property or reads no column, or returns <typeparamref name="T"/>;
    /// the message names the sub-expression.
    /// </exception>
    public LanceQuery<T, TResult> Select<TResult>(Expression<Func<T, TResult>> selector)
    {
        var projection = Projection<T, TResult>.Create(selector, _source.Translator);
        return new LanceQuery<T, TResult>(With(_state with { Columns = projection.Columns }), projection);
    }

    /// <summary>At most <paramref name="limit"/> rows (default 10 for vector, full-text and hybrid searches; all for scans).</summary>
    public LanceQuery<T> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return With(_state with { Limit = limit });
    }

    /// <summary>Skips the first <paramref name="offset"/> rows.</summary>
    public LanceQuery<T> Offset(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return With(_state with { Offset = offset });
    }

    /// <summary>The distance metric of a vector search.</summary>
    public LanceQuery<T> DistanceType(DistanceType distance) => With(_state with { Distance = distance });

    /// <summary>IVF partitions probed (default 20).</summary>
    public LanceQuery<T> NProbes(int nprobes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nprobes);
        return With(_state with { NProbes = nprobes });
    }

    /// <summary>Re-ranks <c>limit × factor</c> candidates with exact distances.</summary>
    public LanceQuery<T> RefineFactor(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return With(_state with { RefineFactor = factor });
    }

    /// <summary>Applies the filter before the vector search (the default).</summary>
    public LanceQuery<T> Prefilter() => With(_state with { Prefilter = true });

    /// <summary>Applies the filter after the vector search (may return fewer rows than the limit).</summary>
    public LanceQuery<T> Postfilter() => With(_state with { Prefilter = false });

    /// <summary>Returns <see cref="SearchHit{T}.RowId"/> (<c>_rowid</c>).</summary>
    public LanceQuery<T> WithRowId() => With(_state with { WithRowId = true });

    /// <summary>Skips the flat search of rows not yet in the vector index.</summary>
    public LanceQuery<T> FastSearch() => With(_state with { FastSearch = true });

    /// <summary>Runs the query and buffers every hit.</summary>
    public async Task<IReadOnlyList<SearchHit<T>>> ToListAsync(CancellationToken cancellationToken = default) =>
        await AsAsyncEnumerable().ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs the query and streams the hits as the response arrives: each Arrow record batch is read off the network
    /// and its rows returned before the next is read (leaving the loop early closes the response). A response that
    /// breaks off midway is a <see cref="ServerErrorException"/> after the rows already returned, never a shorter answer.
    /// </summary>
    public async IAsyncEnumerable<SearchHit<T>> AsAsyncEnumerable([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_state.FullText is not null)
        {
            var hybrid = _state.EmbedBinding is not null || _state.Vector is not null;
            await _source.EnsureFullTextIndexAsync(_state.FullText.Columns().Distinct().ToArray(), hybrid, cancellationToken).ConfigureAwait(false);
        }

        var vector = await QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        if (vector is not null && _state.FullText is not null)
        {
            foreach (var hit in await HybridAsync(vector, cancellationToken).ConfigureAwait(false))
            {
                yield return hit;
            }

            yield break;
        }

        var body = Body(vector, _state.FullText, _state.WithRowId, _state.Limit, _state.Offset);
        await foreach (var hit in RunAsync(body, cancellationToken).ConfigureAwait(false))
        {
            yield return hit;
        }
    }

    /// <summary>The JSON body that would be sent for a non-hybrid query (tests). Text searches embed first.</summary>
    internal async Task<string> ToRequestJsonAsync(CancellationToken cancellationToken = default)
    {
        var vector = await QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(Body(vector, _state.FullText, _state.WithRowId, _state.Limit, _state.Offset).ToUtf8Json());
    }

    /// <summary>The query vector: given, or embedded from the query text or example image.</summary>
    private async Task<float[]?> QueryVectorAsync(CancellationToken cancellationToken)
    {
        if (_state.EmbedBinding is not { } binding)
        {
            return _state.Vector;
        }

        return _state.EmbedImage is { } image
            ? await _source.EmbedQueryImageAsync(binding, image, cancellationToken).ConfigureAwait(false)
            : await _source.EmbedQueryAsync(binding, _state.EmbedText!, cancellationToken).ConfigureAwait(false);
    }

    internal LanceQuery<T> WhereSql(string filter) =>
        With(_state with { Filter = _state.Filter is null ? filter : $"({_state.Filter}) AND ({filter})" });

    internal LanceQuery<T> WithVectorSearch(EmbeddingBinding<T>? binding, string? text, (float[] Vector, string? Column)? vector) =>
        With(_state with
        {
            EmbedBinding = binding,
            EmbedText = text,
            Vector = vector?.Vector,
            VectorColumn = binding?.VectorColumn ?? vector?.Column,
        });

    internal LanceQuery<T> WithImageSearch(EmbeddingBinding<T> binding, ImageInput image) =>
        With(_state with
        {
            EmbedBinding = binding,
            EmbedImage = image,
            VectorColumn = binding.VectorColumn,
        });

    /// <summary>Adds a full-text search (with a vector search: a hybrid one), sent in the shape the server's version takes.</summary>
    internal LanceQuery<T> WithFullText(FullTextQueryNode query) => With(_state with { FullText = query });

    /// <summary>Adds a plain full-text search of <paramref name="text"/> on these columns (every indexed one when none).</summary>
    internal LanceQuery<T> WithFullText(string text, IReadOnlyList<string> columns) => WithFullText(FullTextQueryNode.PlainText(text, columns));

    /// <summary>Fetches only these columns (the rest of each entity keeps its default).</summary>
    internal LanceQuery<T> WithColumns(string[] columns) => With(_state with { Columns = columns });

    /// <summary>Sorts a plain scan on the server (<c>order_by</c>), nulls where C#'s comparers put them: first ascending, last descending.</summary>
    internal LanceQuery<T> OrderBy(IReadOnlyList<(string Column, bool Ascending)> orderings) =>
        With(_state with { OrderBy = orderings.Select(o => new ColumnOrdering(o.Column, o.Ascending, NullsFirst: o.Ascending)).ToArray() });

    /// <summary>How many hits each side of a hybrid search fetches before fusion (default: limit + offset, as the official client).</summary>
    internal LanceQuery<T> HybridCandidates(int k) => With(_state with { HybridCandidates = k });

    /// <summary>Keeps vector hits whose distance is in [<paramref name="lower"/>, <paramref name="upper"/>) (<c>lower_bound</c>/<c>upper_bound</c>).</summary>
    internal LanceQuery<T> DistanceRange(float? lower, float? upper) => With(_state with { LowerBound = lower, UpperBound = upper });

    private LanceQuery<T> With(QueryState state) => new(_source, state);

    private QueryRequest Body(float[]? vector, FullTextQueryNode? fullText, bool withRowId, int? limit, int? offset)
    {
        var isSearch = vector is not null || fullText is not null;
        var nprobes = _state.NProbes ?? 20;
        var query = vector is null
            ? new QueryRequest { FullTextQuery = fullText is null ? null : FullTextQueryBody.For(fullText, _source.Table.ServerVersion, _source.Table.Name) }
            : new VectorQueryRequest
            {
                Vector = Array.ConvertAll(vector, v => (double)v),
                NProbes = nprobes,
                MinimumNProbes = nprobes,
                MaximumNProbes = nprobes,
                RefineFactor = _state.RefineFactor,
                DistanceType = _state.Distance is { } distance ? Wire.Name(distance) : null,
                VectorColumn = _state.VectorColumn,
                LowerBound = _state.LowerBound,
                UpperBound = _state.UpperBound,
            };
        return query with
        {
            Prefilter = _state.Prefilter,
            K = limit is { } k ? k : isSearch ? 10 : long.MaxValue,
            Offset = offset,
            Filter = _state.Filter,
            Columns = _state.Columns,
            OrderBy = _state.OrderBy,
            WithRowId = withRowId ? true : null,
            FastSearch = _state.FastSearch ? true : null,
        };
    }

    private async IAsyncEnumerable<SearchHit<T>> RunAsync(QueryRequest body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in _source.Table.QueryAsync(body, cancellationToken).ConfigureAwait(false))
        {
            using (batch)
            {
                var entities = _source.Read(batch);
                var distance = ColumnOrNull(batch, Wire.DistanceColumn) as Apache.Arrow.FloatArray;
                var score = ColumnOrNull(batch, Wire.ScoreColumn) as Apache.Arrow.FloatArray;
                var rowId = ColumnOrNull(batch, Wire.RowIdColumn) as Apache.Arrow.UInt64Array;
                for (var i = 0; i < entities.Count; i++)
                {
                    yield return new SearchHit<T>(entities[i], distance?.GetValue(i), score?.GetValue(i), null, rowId?.GetValue(i));
                }
            }
        }
    }

    private static Apache.Arrow.IArrowArray? ColumnOrNull(Apache.Arrow.RecordBatch batch, string name)
    {
        var index = batch.Schema.GetFieldIndex(name);
        return index < 0 ? null : batch.Column(index);
    }

    private async Task<IReadOnlyList<SearchHit<T>>> HybridAsync(float[] vector, CancellationToken cancellationToken)
    {
        // Two requests with the same k and with_row_id, as the official client; offset applies after fusion.
        var k = Math.Max(_state.HybridCandidates ?? 0, (_state.Limit ?? 10) + (_state.Offset ?? 0));
        var vectorHits = await RunAsync(Body(vector, null, true, k, null)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var textHits = await RunAsync(Body(null, _state.FullText, true, k, null)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ReciprocalRankFusion.Fuse(vectorHits, textHits, _state.Limit ?? 10, _state.Offset ?? 0);
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceQuery<{typeof(T).Name}> {{ Table = {_source.Table.Name}, Filter = {_state.Filter ?? "(none)"}, Limit = {_state.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"} }}";

    private sealed record QueryState
    {
        public string? Filter { get; init; }
        public string[]? Columns { get; init; }
        public int? Limit { get; init; }
        public int? Offset { get; init; }
        public DistanceType? Distance { get; init; }
        public int? NProbes { get; init; }
        public int? RefineFactor { get; init; }
        public bool Prefilter { get; init; } = true;
        public bool WithRowId { get; init; }
        public bool FastSearch { get; init; }
        public EmbeddingBinding<T>? EmbedBinding { get; init; }
        public string? EmbedText { get; init; }
        public ImageInput? EmbedImage { get; init; }
        public float[]? Vector { get; init; }
        public string? VectorColumn { get; init; }
        public FullTextQueryNode? FullText { get; init; }
        public ColumnOrdering[]? OrderBy { get; init; }
        public float? LowerBound { get; init; }
        public float? UpperBound { get; init; }
        public int? HybridCandidates { get; init; }
    }
}
