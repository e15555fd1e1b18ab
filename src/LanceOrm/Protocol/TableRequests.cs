using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>count_rows</c>: <c>{"predicate"?: sql, "version": null}</c> (exactly <c>{"version":null}</c> without a filter).</summary>
internal sealed record CountRowsRequest(
    [property: JsonPropertyName("predicate")] string? Predicate)
{
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Version { get; init; }
}

/// <summary><c>update</c>: <c>{"updates": [[column, sql], …], "predicate": sql}</c>.</summary>
internal sealed record UpdateRequest(
    [property: JsonPropertyName("updates")] IReadOnlyList<IReadOnlyList<string>> Updates,
    [property: JsonPropertyName("predicate")] string Predicate);

/// <summary><c>delete</c>: <c>{"predicate": sql}</c>.</summary>
internal sealed record DeleteRequest([property: JsonPropertyName("predicate")] string Predicate);

/// <summary><c>index/list</c> and other versioned reads: <c>{"version": null}</c>.</summary>
internal sealed record VersionRequest
{
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Version { get; init; }
}

/// <summary><c>create_index</c>: the column, the wire index type and the type's parameters (vector: metric and training; FTS: the tokenizer's <c>InvertedIndexParams</c>).</summary>
internal sealed record CreateIndexRequest(
    [property: JsonPropertyName("column")] string Column,
    [property: JsonPropertyName("index_type")] string IndexType)
{
    [JsonPropertyName("metric_type")]
    public string? MetricType { get; init; }

    [JsonPropertyName("sample_rate")]
    public int? SampleRate { get; init; }

    [JsonPropertyName("max_iterations")]
    public int? MaxIterations { get; init; }

    [JsonPropertyName("num_partitions")]
    public int? NumPartitions { get; init; }

    [JsonPropertyName("num_sub_vectors")]
    public int? NumSubVectors { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("with_position")]
    public bool? WithPosition { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }

    [JsonPropertyName("stem")]
    public bool? Stem { get; init; }

    [JsonPropertyName("remove_stop_words")]
    public bool? RemoveStopWords { get; init; }

    [JsonPropertyName("lower_case")]
    public bool? LowerCase { get; init; }

    [JsonPropertyName("ascii_folding")]
    public bool? AsciiFolding { get; init; }
}
