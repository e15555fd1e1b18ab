using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>GET /v1/table/</c>: one page of names and the next page's token.</summary>
internal sealed record ListTablesResponse(
    [property: JsonPropertyName("tables")] IReadOnlyList<string>? Tables,
    [property: JsonPropertyName("page_token")] string? PageToken);

/// <summary><c>describe</c>: the version and the JSON schema (compared by <see cref="SchemaComparer"/>).</summary>
internal sealed record DescribeTableResponse(
    [property: JsonPropertyName("version")] long? Version,
    [property: JsonPropertyName("schema")] JsonObject? Schema);

/// <summary><c>merge_insert</c>: what the batch did (all default 0; <c>{}</c> accepted).</summary>
internal sealed record MergeInsertResponse(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("num_inserted_rows")] long NumInsertedRows,
    [property: JsonPropertyName("num_updated_rows")] long NumUpdatedRows,
    [property: JsonPropertyName("num_deleted_rows")] long NumDeletedRows);

/// <summary><c>update</c>: <c>{"rows_updated", "version"}</c> (empty ⇒ zeros).</summary>
internal sealed record UpdateResponse(
    [property: JsonPropertyName("rows_updated")] long RowsUpdated,
    [property: JsonPropertyName("version")] long Version);

/// <summary><c>delete</c>: <c>{"num_deleted_rows", "version"}</c> (empty ⇒ zeros).</summary>
internal sealed record DeleteResponse(
    [property: JsonPropertyName("num_deleted_rows")] long NumDeletedRows,
    [property: JsonPropertyName("version")] long Version);

/// <summary><c>index/list</c>: the table's indices.</summary>
internal sealed record ListIndicesResponse([property: JsonPropertyName("indexes")] IReadOnlyList<IndexDescription>? Indexes);

/// <summary>One listed index.</summary>
internal sealed record IndexDescription(
    [property: JsonPropertyName("index_name")] string? IndexName,
    [property: JsonPropertyName("columns")] IReadOnlyList<string>? Columns,
    [property: JsonPropertyName("index_type")] string? IndexType);

/// <summary><c>index/{name}/stats</c>: how many rows the index covers and how many it does not yet, its type, metric and parts.</summary>
internal sealed record IndexStatsResponse(
    [property: JsonPropertyName("num_indexed_rows")] long NumIndexedRows,
    [property: JsonPropertyName("num_unindexed_rows")] long NumUnindexedRows,
    [property: JsonPropertyName("index_type")] string? IndexType)
{
    [JsonPropertyName("distance_type")]
    public string? DistanceType { get; init; }

    [JsonPropertyName("num_indices")]
    public int? NumIndices { get; init; }
}

/// <summary>
/// The <c>{"version"}</c> answer of a write that reports only the version it committed: <c>insert</c>,
/// <c>multipart_write/complete</c>, <c>restore</c>, <c>add_columns</c> / <c>alter_columns</c> / <c>drop_columns</c>, and of
/// <c>tags/version</c> (the tagged version). Absent when the server sent an empty body or <c>{}</c> (legacy servers: 0).
/// </summary>
internal sealed record VersionResponse([property: JsonPropertyName("version")] long? Version);
