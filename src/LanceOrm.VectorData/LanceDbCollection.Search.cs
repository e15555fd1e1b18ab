using System.Runtime.CompilerServices;
using LanceOrm.VectorData.Model;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData;

public partial class LanceDbCollection<TKey, TRecord>
{
    /// <inheritdoc />
    /// <remarks>
    /// The input is a vector (<c>ReadOnlyMemory&lt;float&gt;</c>, <c>float[]</c>, <c>Embedding&lt;float&gt;</c>) or, with an
    /// embedding generator configured for the vector property, anything it takes (text is embedded locally with a
    /// LanceOrm embedding function). Scores follow the property's distance function; <see cref="VectorSearchOptions{TRecord}.ScoreThreshold"/>
    /// keeps the hits at least as close as the threshold (filtered on the server). The filter applies before the search.
    /// </remarks>
    public override IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new VectorSearchOptions<TRecord>();
        var records = Records(options.IncludeVectors);
        var target = _shape.Vector(options.VectorProperty);
        return WrapAsync(SearchCoreAsync(records, target, searchValue, top, options, cancellationToken), "Search", cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A vector search and a full-text search (the keywords, space-separated, against the full-text-indexed property)
    /// with the same filter, each fetching four times the requested hits (at least 20), merged by reciprocal-rank fusion
    /// as LanceDB's clients do; the score is the fused relevance
    /// (higher is better), and <see cref="HybridSearchOptions{TRecord}.ScoreThreshold"/> keeps hits whose fused relevance
    /// reaches it.
    /// </remarks>
    public IAsyncEnumerable<VectorSearchResult<TRecord>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        options ??= new HybridSearchOptions<TRecord>();
        var records = Records(options.IncludeVectors);
        var target = _shape.Vector(options.VectorProperty);
        var textColumn = _shape.FullTextColumn(options.AdditionalProperty);
        return WrapAsync(HybridCoreAsync(records, target, textColumn, searchValue, keywords, top, options, cancellationToken), "HybridSearch", cancellationToken);
    }

    private async IAsyncEnumerable<VectorSearchResult<TRecord>> SearchCoreAsync<TInput>(
        LanceQuery<TRecord> query, SearchTarget target, TInput searchValue, int top, VectorSearchOptions<TRecord> options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var vector = await _shape.QueryVectorAsync(target, searchValue, cancellationToken).ConfigureAwait(false);
        query = query.WithVectorSearch(null, null, (vector, target.Column)).DistanceType(target.Distance.Metric).Limit(top);
        if (options.Skip > 0)
        {
            query = query.Offset(options.Skip);
        }

        if (options.Filter is { } filter)
        {
            query = query.WhereSql(Translate(filter));
        }

        if (options.ScoreThreshold is { } threshold)
        {
            // LanceDB's range is [lower, upper): the next float above the largest passing distance keeps the threshold itself.
            query = query.DistanceRange(null, MathF.BitIncrement((float)target.Distance.MaxDistance(threshold)));
        }

        await foreach (var hit in query.AsAsyncEnumerable(cancellationToken).ConfigureAwait(false))
        {
            yield return new VectorSearchResult<TRecord>(hit.Entity, hit.Distance is { } d ? target.Distance.Score(d) : null);
        }
    }

    private async IAsyncEnumerable<VectorSearchResult<TRecord>> HybridCoreAsync<TInput>(
        LanceQuery<TRecord> query, SearchTarget target, string textColumn, TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<TRecord> options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var vector = await _shape.QueryVectorAsync(target, searchValue, cancellationToken).ConfigureAwait(false);
        query = query
            .WithVectorSearch(null, null, (vector, target.Column))
            .DistanceType(target.Distance.Metric)
            .WithFullText(string.Join(' ', keywords), [textColumn])
            .HybridCandidates(Math.Max(4 * (top + options.Skip), 20))
            .Limit(top);
        if (options.Skip > 0)
        {
            query = query.Offset(options.Skip);
        }

        if (options.Filter is { } filter)
        {
            query = query.WhereSql(Translate(filter));
        }

        foreach (var hit in await query.ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (options.ScoreThreshold is not { } threshold || hit.RelevanceScore >= threshold)
            {
                yield return new VectorSearchResult<TRecord>(hit.Entity, hit.RelevanceScore);
            }
        }
    }
}
