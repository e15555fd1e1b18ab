using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LanceOrm.Remote.Http;

/// <summary>Source-generated JSON metadata for the bodies sent through Refit (trimming/AOT safe).</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class LanceJsonContext : JsonSerializerContext;
