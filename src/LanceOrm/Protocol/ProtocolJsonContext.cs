using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary>Source-generated JSON metadata of every request and response body (trimming/AOT safe).</summary>
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(VectorQueryRequest))]
[JsonSerializable(typeof(LegacyFullTextQuery))]
[JsonSerializable(typeof(StructuredFullTextQuery))]
[JsonSerializable(typeof(CountRowsRequest))]
[JsonSerializable(typeof(UpdateRequest))]
[JsonSerializable(typeof(DeleteRequest))]
[JsonSerializable(typeof(VersionRequest))]
[JsonSerializable(typeof(CreateIndexRequest))]
[JsonSerializable(typeof(ListTablesResponse))]
[JsonSerializable(typeof(DescribeTableResponse))]
[JsonSerializable(typeof(MergeInsertResponse))]
[JsonSerializable(typeof(UpdateResponse))]
[JsonSerializable(typeof(DeleteResponse))]
[JsonSerializable(typeof(ListIndicesResponse))]
[JsonSerializable(typeof(IndexStatsResponse))]
[JsonSerializable(typeof(AddColumnsRequest))]
[JsonSerializable(typeof(AlterColumnsRequest))]
[JsonSerializable(typeof(DropColumnsRequest))]
[JsonSerializable(typeof(SchemaChangeResponse))]
[JsonSerializable(typeof(long?))]
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
