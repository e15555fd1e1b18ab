using System.Text.Json;
using System.Text.Json.Serialization;

namespace LanceOrm.VectorData.Mapping;

/// <summary>Source-generated JSON for the table metadata the connector writes.</summary>
[JsonSerializable(typeof(List<Dictionary<string, object>>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
