using System.Linq.Expressions;
using LanceOrm.Protocol;

namespace LanceOrm;

/// <summary>
/// A structured full-text query over the text columns of <typeparamref name="T"/>, as the official clients build them
/// (<c>MatchQuery</c>, <c>PhraseQuery</c>, <c>BoostQuery</c>, <c>MultiMatchQuery</c>, <c>BooleanQuery</c>); run it with
/// <see cref="LanceRepository{T, TKey}.FullTextSearch(FullTextQuery{T})"/>. Immutable; the factories check their arguments.
/// Every searched column needs a full-text index. Servers from 0.3.0 receive the query as it is; older ones take only a
/// plain match (default options), and anything more is an <see cref="UnsupportedServerVersionException"/>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class FullTextQuery<T>
{
    private readonly Func<Func<LambdaExpression, string>, FullTextQueryNode> _build;
    private readonly string _description;

    private FullTextQuery(Func<Func<LambdaExpression, string>, FullTextQueryNode> build, string description)
    {
        _build = build;
        _description = description;
    }

    /// <summary>
    /// Rows whose <paramref name="column"/> contains the <paramref name="terms"/> (any of them, or all with
    /// <see cref="FullTextOperator.And"/>), scored by BM25.
    /// </summary>
    /// <param name="column">The text column, e.g. <c>x =&gt; x.Body</c>.</param>
    /// <param name="terms">The search text.</param>
    /// <param name="fuzziness">The edit distance a term may be off by (0 = exact, the default); <c>null</c> lets the server pick it from the term length.</param>
    /// <param name="boost">The factor this query's score is multiplied by (default 1).</param>
    /// <param name="operator">Whether any term (the default) or every term must match.</param>
    /// <param name="prefixLength">How many leading characters of a term fuzzy matching leaves unchanged.</param>
    /// <param name="maxExpansions">How many similar terms fuzzy matching tries at most (default 50).</param>
    /// <exception cref="ArgumentException">An argument is out of range; the message names it.</exception>
    public static FullTextQuery<T> Match(Expression<Func<T, string>> column, string terms, int? fuzziness = 0, float boost = 1f, FullTextOperator @operator = FullTextOperator.Or, int prefixLength = 0, int maxExpansions = MatchQuery.DefaultMaxExpansions)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(terms);
        if (fuzziness is { } f)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(f, nameof(fuzziness));
        }

        CheckBoost(boost, nameof(boost));
        if (!Enum.IsDefined(@operator))
        {
            throw new ArgumentOutOfRangeException(nameof(@operator), @operator, "Not a FullTextOperator.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfNegative(maxExpansions);
        return new(
            resolve => new FullTextQueryNode
            {
                Match = new MatchQuery(terms, resolve(column))
                {
                    Boost = boost,
                    Fuzziness = fuzziness,
                    Operator = Wire.Name(@operator),
                    PrefixLength = prefixLength,
                    MaxExpansions = maxExpansions,
                },
            },
            $"Match({column}, \"{terms}\")");
    }

    /// <summary>Rows whose <paramref name="column"/> contains the words of <paramref name="phrase"/> in order, at most <paramref name="slop"/> positions apart (0 = adjacent). The column's full-text index must store positions.</summary>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static FullTextQuery<T> Phrase(Expression<Func<T, string>> column, string phrase, int slop = 0)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        return new(resolve => new FullTextQueryNode { Phrase = new PhraseQuery(phrase, resolve(column), slop) }, $"Phrase({column}, \"{phrase}\")");
    }

    /// <summary>
    /// Rows matching <paramref name="positive"/>; those that also match <paramref name="negative"/> have their score
    /// multiplied by <paramref name="negativeBoost"/> (default 0.5, as the official clients).
    /// </summary>
    /// <exception cref="ArgumentException">An argument is null or out of range.</exception>
    public static FullTextQuery<T> Boost(FullTextQuery<T> positive, FullTextQuery<T> negative, float negativeBoost = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(negative);
        CheckBoost(negativeBoost, nameof(negativeBoost));
        return new(resolve => new FullTextQueryNode { Boost = new BoostQuery(positive._build(resolve), negative._build(resolve), negativeBoost) }, $"Boost({positive}, {negative})");
    }

    /// <summary>
    /// Rows where any of <paramref name="columns"/> contains any of the <paramref name="terms"/>; each column's score is
    /// multiplied by its entry in <paramref name="boosts"/> (all 1 when null). Terms are always OR-ed: the protocol
    /// carries no operator for this query.
    /// </summary>
    /// <exception cref="ArgumentException">No column, or <paramref name="boosts"/> has not one entry per column.</exception>
    public static FullTextQuery<T> MultiMatch(string terms, IReadOnlyList<Expression<Func<T, string>>> columns, IReadOnlyList<float>? boosts = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || columns.Any(c => c is null))
        {
            throw new ArgumentException("A multi-match searches at least one column, and no column may be null.", nameof(columns));
        }

        if (boosts is not null && boosts.Count != columns.Count)
        {
            throw new ArgumentException($"{boosts.Count} boosts were given for {columns.Count} columns; give one per column, or none.", nameof(boosts));
        }

        foreach (var b in boosts ?? [])
        {
            CheckBoost(b, nameof(boosts));
        }

        var factors = boosts?.Select(b => (double)b).ToArray() ?? Enumerable.Repeat(1.0, columns.Count).ToArray();
        var list = columns.ToArray();
        return new(resolve => new FullTextQueryNode { MultiMatch = new MultiMatchQuery(terms, list.Select(resolve).ToArray(), factors) }, $"MultiMatch(\"{terms}\")");
    }

    /// <summary>
    /// Combines queries: rows must match every <see cref="FullTextOccur.Must"/> clause and no <see cref="FullTextOccur.MustNot"/>
    /// clause; <see cref="FullTextOccur.Should"/> clauses add to the score.
    /// </summary>
    /// <exception cref="ArgumentException">No clause, a null query or an undefined occurrence.</exception>
    public static FullTextQuery<T> Boolean(params IReadOnlyList<(FullTextOccur Occur, FullTextQuery<T> Query)> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        if (clauses.Count == 0 || clauses.Any(c => c.Query is null || !Enum.IsDefined(c.Occur)))
        {
            throw new ArgumentException("A boolean query needs at least one clause, each with a defined occurrence and a query.", nameof(clauses));
        }

        var list = clauses.ToArray();
        return new(
            resolve =>
            {
                FullTextQueryNode[] Of(FullTextOccur occur) => list.Where(c => c.Occur == occur).Select(c => c.Query._build(resolve)).ToArray();
                return new FullTextQueryNode { Boolean = new BooleanQuery(Of(FullTextOccur.Must), Of(FullTextOccur.Should), Of(FullTextOccur.MustNot)) };
            },
            $"Boolean({list.Length} clauses)");
    }

    /// <summary>The wire node, with each selected property turned into its column name by <paramref name="column"/>.</summary>
    internal FullTextQueryNode Resolve(Func<LambdaExpression, string> column) => _build(column);

    /// <inheritdoc />
    public override string ToString() => _description;

    private static void CheckBoost(float value, string name)
    {
        if (!float.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A boost is a finite number >= 0.");
        }
    }
}
