using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LanceOrm.Querying;

namespace LanceOrm;

/// <summary>
/// An immutable query that returns a projection of each row (<see cref="LanceQuery{T}.Select{TResult}"/>): only the
/// columns the selector reads are fetched, and each hit carries the selector's value, with its search scores. Filters,
/// limits and search options compose as on <see cref="LanceQuery{T}"/>; nothing is sent until
/// <see cref="ToListAsync"/> or <see cref="AsAsyncEnumerable"/>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <typeparam name="TResult">The projected type.</typeparam>
public sealed class LanceQuery<T, TResult>
{
    private readonly LanceQuery<T> _query;
    private readonly Projection<T, TResult> _projection;

    internal LanceQuery(LanceQuery<T> query, Projection<T, TResult> projection)
    {
        _query = query;
        _projection = projection;
    }

    /// <inheritdoc cref="LanceQuery{T}.Where"/>
    public LanceQuery<T, TResult> Where(Expression<Func<T, bool>> predicate) => With(_query.Where(predicate));

    /// <inheritdoc cref="LanceQuery{T}.Limit"/>
    public LanceQuery<T, TResult> Limit(int limit) => With(_query.Limit(limit));

    /// <inheritdoc cref="LanceQuery{T}.Offset"/>
    public LanceQuery<T, TResult> Offset(int offset) => With(_query.Offset(offset));

    /// <inheritdoc cref="LanceQuery{T}.DistanceType"/>
    public LanceQuery<T, TResult> DistanceType(DistanceType distance) => With(_query.DistanceType(distance));

    /// <inheritdoc cref="LanceQuery{T}.NProbes"/>
    public LanceQuery<T, TResult> NProbes(int nprobes) => With(_query.NProbes(nprobes));

    /// <inheritdoc cref="LanceQuery{T}.RefineFactor"/>
    public LanceQuery<T, TResult> RefineFactor(int factor) => With(_query.RefineFactor(factor));

    /// <inheritdoc cref="LanceQuery{T}.Prefilter"/>
    public LanceQuery<T, TResult> Prefilter() => With(_query.Prefilter());

    /// <inheritdoc cref="LanceQuery{T}.Postfilter"/>
    public LanceQuery<T, TResult> Postfilter() => With(_query.Postfilter());

    /// <inheritdoc cref="LanceQuery{T}.WithRowId"/>
    public LanceQuery<T, TResult> WithRowId() => With(_query.WithRowId());

    /// <inheritdoc cref="LanceQuery{T}.FastSearch"/>
    public LanceQuery<T, TResult> FastSearch() => With(_query.FastSearch());

    /// <summary>Runs the query and buffers every hit.</summary>
    public async Task<IReadOnlyList<SearchHit<TResult>>> ToListAsync(CancellationToken cancellationToken = default) =>
        await AsAsyncEnumerable().ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the query and streams the hits as the response arrives, batch by batch.</summary>
    public async IAsyncEnumerable<SearchHit<TResult>> AsAsyncEnumerable([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var hit in _query.AsAsyncEnumerable(cancellationToken).ConfigureAwait(false))
        {
            yield return new SearchHit<TResult>(_projection.Select(hit.Entity), hit.Distance, hit.Score, hit.RelevanceScore, hit.RowId);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{_query} Select {typeof(TResult).Name} ({string.Join(", ", _projection.Columns)})";

    /// <summary>The JSON body that would be sent for a non-hybrid query (tests).</summary>
    internal Task<string> ToRequestJsonAsync(CancellationToken cancellationToken = default) => _query.ToRequestJsonAsync(cancellationToken);

    private LanceQuery<T, TResult> With(LanceQuery<T> query) => new(query, _projection);
}
