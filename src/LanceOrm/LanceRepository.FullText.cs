using System.Linq.Expressions;
using LanceOrm.Querying;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// Full-text search with a structured query: match (fuzziness, boost, operator), phrase, boost, multi-match or
    /// boolean, e.g. <c>FullTextSearch(FullTextQuery&lt;Doc&gt;.Match(x =&gt; x.Body, "vector index", fuzziness: 1))</c>.
    /// Each searched column needs a full-text index (a phrase one that stores positions).
    /// </summary>
    /// <exception cref="IndexNotFoundException">(When run) a searched column has no full-text index.</exception>
    /// <exception cref="UnsupportedServerVersionException">
    /// (When run) the server announces a version before 0.3.0 and the query is more than a plain match.
    /// </exception>
    public LanceQuery<T> FullTextSearch(FullTextQuery<T> query) => FullTextSearchIn(_source, query);

    /// <inheritdoc cref="FullTextSearch(FullTextQuery{T})"/>
    internal LanceQuery<T> FullTextSearchIn(QuerySource<T> source, FullTextQuery<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new LanceQuery<T>(source).WithFullText(query.Resolve(c => _translator.Column(c).ColumnName));
    }

    /// <summary>
    /// Hybrid search with a structured full-text side: a vector search (<paramref name="text"/> embedded with the
    /// property's function) and <paramref name="fullText"/>, merged locally by reciprocal-rank fusion
    /// (<see cref="SearchHit{T}.RelevanceScore"/>), as the official client.
    /// </summary>
    /// <exception cref="IndexNotFoundException">(When run) a column of <paramref name="fullText"/> has no full-text index.</exception>
    /// <exception cref="UnsupportedServerVersionException">(When run) the server is older than 0.3.0 and the query is more than a plain match.</exception>
    public LanceQuery<T> HybridSearch(Expression<Func<T, string>> property, string text, FullTextQuery<T> fullText) =>
        HybridSearchIn(_source, property, text, fullText);

    /// <inheritdoc cref="HybridSearch(Expression{Func{T, string}}, string, FullTextQuery{T})"/>
    internal LanceQuery<T> HybridSearchIn(QuerySource<T> source, Expression<Func<T, string>> property, string text, FullTextQuery<T> fullText)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fullText);
        return new LanceQuery<T>(source).WithVectorSearch(BindingOf(property), text, null).WithFullText(fullText.Resolve(c => _translator.Column(c).ColumnName));
    }
}
