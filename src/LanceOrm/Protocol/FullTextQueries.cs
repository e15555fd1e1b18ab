using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary>The full-text query of servers before 0.3.0: <c>{"columns": [...], "query": "text"}</c> (protocol §5.4; no columns = every indexed one).</summary>
internal sealed record LegacyFullTextQuery(
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("query")] string Query);

/// <summary>The structured full-text query of servers from 0.3.0: <c>{"query": &lt;FtsQuery&gt;}</c> (protocol §3, §5.4).</summary>
internal sealed record StructuredFullTextQuery([property: JsonPropertyName("query")] FullTextQueryNode Query);

/// <summary>
/// One FtsQuery node: exactly one of its properties is set and serialized (<c>{"match": {...}}</c>, <c>{"phrase": {...}}</c>, …),
/// in the shapes the official client sends (emulator/docs/observed-client-requests.md). Numbers the client holds as f32
/// (boosts) are sent as the double of that f32, as it does.
/// </summary>
internal sealed record FullTextQueryNode
{
    [JsonPropertyName("match")]
    public MatchQuery? Match { get; init; }

    [JsonPropertyName("phrase")]
    public PhraseQuery? Phrase { get; init; }

    [JsonPropertyName("boost")]
    public BoostQuery? Boost { get; init; }

    [JsonPropertyName("multi_match")]
    public MultiMatchQuery? MultiMatch { get; init; }

    [JsonPropertyName("boolean")]
    public BooleanQuery? Boolean { get; init; }

    /// <summary>
    /// A plain search as the official client turns it into a query from 0.3.0: text in double quotes is a <c>phrase</c>
    /// (quotes removed), other text a <c>match</c>; on no column (every indexed one) or one, or a <c>multi_match</c> over several.
    /// </summary>
    /// <exception cref="ArgumentException">A quoted phrase on several columns (the official client refuses it too).</exception>
    public static FullTextQueryNode PlainText(string text, IReadOnlyList<string> columns)
    {
        var column = columns.Count == 1 ? columns[0] : null;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return columns.Count > 1
                ? throw new ArgumentException($"A quoted phrase ({text}) searches one column or every indexed one, not {columns.Count}; search each column, or use FullTextQuery<T>.Phrase.", nameof(text))
                : new FullTextQueryNode { Phrase = new PhraseQuery(text[1..^1], column, 0) };
        }

        return columns.Count > 1
            ? new FullTextQueryNode { MultiMatch = new MultiMatchQuery(text, columns, Enumerable.Repeat(1.0, columns.Count).ToArray()) }
            : new FullTextQueryNode { Match = new MatchQuery(text, column) };
    }

    /// <summary>The columns the node searches (a <c>match</c> over every indexed column adds none).</summary>
    public IEnumerable<string> Columns() =>
        Match is { Column: { } column } ? [column]
        : Phrase is { Column: { } phraseColumn } ? [phraseColumn]
        : MultiMatch is { } multi ? multi.Columns
        : Boost is { } boost ? boost.Positive.Columns().Concat(boost.Negative.Columns())
        : Boolean is { } boolean ? boolean.Must.Concat(boolean.Should).Concat(boolean.MustNot).SelectMany(n => n.Columns())
        : [];
}

/// <summary>A <c>match</c> query, with the official client's defaults; <c>column</c> <c>null</c> = every indexed column.</summary>
internal sealed record MatchQuery(
    [property: JsonPropertyName("terms")] string Terms,
    [property: JsonPropertyName("column"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Column)
{
    public const int DefaultMaxExpansions = 50;

    [JsonPropertyName("boost")]
    public double Boost { get; init; } = 1.0;

    /// <summary>The edit distance of fuzzy matching; <c>null</c> lets the server pick it from the term length.</summary>
    [JsonPropertyName("fuzziness")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Fuzziness { get; init; } = 0;

    [JsonPropertyName("max_expansions")]
    public int MaxExpansions { get; init; } = DefaultMaxExpansions;

    /// <summary><c>"Or"</c> or <c>"And"</c>.</summary>
    [JsonPropertyName("operator")]
    public string Operator { get; init; } = Wire.FullTextOperatorOr;

    [JsonPropertyName("prefix_length")]
    public int PrefixLength { get; init; }

    /// <summary>Whether every option is the client's default (what the legacy shape can say).</summary>
    [JsonIgnore]
    public bool HasDefaultOptions =>
        Boost == 1.0 && Fuzziness == 0 && MaxExpansions == DefaultMaxExpansions && Operator == Wire.FullTextOperatorOr && PrefixLength == 0;
}

/// <summary>A <c>phrase</c> query: the terms in order, at most <c>slop</c> positions apart; <c>column</c> <c>null</c> = every indexed column.</summary>
internal sealed record PhraseQuery(
    [property: JsonPropertyName("terms")] string Terms,
    [property: JsonPropertyName("column"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Column,
    [property: JsonPropertyName("slop")] int Slop);

/// <summary>A <c>boost</c> query: hits of <c>positive</c>, those also matching <c>negative</c> scored × <c>negative_boost</c>.</summary>
internal sealed record BoostQuery(
    [property: JsonPropertyName("positive")] FullTextQueryNode Positive,
    [property: JsonPropertyName("negative")] FullTextQueryNode Negative,
    [property: JsonPropertyName("negative_boost")] double NegativeBoost);

/// <summary>A <c>multi_match</c> query: the terms in any of the columns, one boost per column (no operator on the wire).</summary>
internal sealed record MultiMatchQuery(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("boost")] IReadOnlyList<double> Boost);

/// <summary>A <c>boolean</c> query; the client always sends the three lists, empty ones as <c>[]</c>.</summary>
internal sealed record BooleanQuery(
    [property: JsonPropertyName("must")] IReadOnlyList<FullTextQueryNode> Must,
    [property: JsonPropertyName("should")] IReadOnlyList<FullTextQueryNode> Should,
    [property: JsonPropertyName("must_not")] IReadOnlyList<FullTextQueryNode> MustNot);
