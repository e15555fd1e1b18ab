using System.Text.Json;
using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary>
/// The body of <c>POST /v1/table/{t}/query/</c> for a plain scan or a full-text search (protocol §5.4): <c>version</c>,
/// <c>prefilter</c>, <c>k</c> and <c>vector</c> (empty) always; the rest only when set.
/// </summary>
internal record QueryRequest
{
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Version { get; init; }

    [JsonPropertyName("prefilter")]
    public bool Prefilter { get; init; } = true;

    [JsonPropertyName("k")]
    public long K { get; init; }

    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    [JsonPropertyName("filter")]
    public string? Filter { get; init; }

    [JsonPropertyName("columns")]
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary><c>true</c> when row ids are wanted; absent otherwise.</summary>
    [JsonPropertyName("with_row_id")]
    public bool? WithRowId { get; init; }

    /// <summary><c>true</c> to skip the flat search of unindexed rows; absent otherwise.</summary>
    [JsonPropertyName("fast_search")]
    public bool? FastSearch { get; init; }

    /// <summary>The query vector as JSON doubles (the official client's rendering of f32), empty for scans and full-text searches.</summary>
    [JsonPropertyName("vector")]
    public IReadOnlyList<double> Vector { get; init; } = [];

    /// <summary>The sort of a plain scan, sent when set.</summary>
    [JsonPropertyName("order_by")]
    public IReadOnlyList<ColumnOrdering>? OrderBy { get; init; }

    /// <summary>A <see cref="LegacyFullTextQuery"/> or a <see cref="StructuredFullTextQuery"/>, serialized.</summary>
    [JsonPropertyName("full_text_query")]
    public JsonElement? FullTextQuery { get; init; }

    /// <summary>The UTF-8 JSON body, with the fields of the runtime type (a <see cref="VectorQueryRequest"/> adds its own).</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, GetType(), ProtocolJsonContext.Default);
}

/// <summary>A vector search: the query fields plus the vector ones the official client always sends (some as <c>null</c>).</summary>
internal sealed record VectorQueryRequest : QueryRequest
{
    [JsonPropertyName("nprobes")]
    public int NProbes { get; init; }

    [JsonPropertyName("minimum_nprobes")]
    public int MinimumNProbes { get; init; }

    [JsonPropertyName("maximum_nprobes")]
    public int MaximumNProbes { get; init; }

    [JsonPropertyName("lower_bound")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public float? LowerBound { get; init; }

    [JsonPropertyName("upper_bound")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public float? UpperBound { get; init; }

    [JsonPropertyName("ef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Ef { get; init; }

    [JsonPropertyName("refine_factor")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? RefineFactor { get; init; }

    [JsonPropertyName("distance_type")]
    public string? DistanceType { get; init; }

    [JsonPropertyName("vector_column")]
    public string? VectorColumn { get; init; }
}

/// <summary>One <c>order_by</c> entry of a query: a column, its direction, and where nulls go.</summary>
internal sealed record ColumnOrdering(
    [property: JsonPropertyName("column_name")] string ColumnName,
    [property: JsonPropertyName("ascending")] bool Ascending,
    [property: JsonPropertyName("nulls_first")] bool NullsFirst);
