using System.Text.Json.Nodes;

namespace LanceOrm.Protocol;

/// <summary>One column of a described table: its name, LanceDB type string (<see cref="ArrowTypeNames.Describe(JsonNode?)"/>), nullability and vector dimension.</summary>
internal sealed record TableColumn(string Name, string Type, bool IsNullable, int? VectorLength)
{
    /// <summary>The columns of a describe's JSON schema (<c>{"fields": [{"name", "type", "nullable"}, …]}</c>), in order.</summary>
    public static IReadOnlyList<TableColumn> Parse(JsonNode? schema)
    {
        var columns = new List<TableColumn>();
        foreach (var field in schema?["fields"]?.AsArray() ?? [])
        {
            if (field?["name"]?.GetValue<string>() is { } name)
            {
                var type = field["type"];
                var nullable = field["nullable"] is JsonValue value && value.TryGetValue<bool>(out var n) ? n : true;
                columns.Add(new TableColumn(name, ArrowTypeNames.Describe(type), nullable, ArrowTypeNames.VectorLength(type)));
            }
        }

        return columns;
    }
}
