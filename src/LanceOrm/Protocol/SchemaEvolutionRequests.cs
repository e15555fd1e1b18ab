using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>add_columns</c>: <c>{"new_columns": [{"name", "expression"}, …]}</c> (SQL expressions only, as the official remote client).</summary>
internal sealed record AddColumnsRequest([property: JsonPropertyName("new_columns")] IReadOnlyList<NewColumnBody> NewColumns);

/// <summary>One new column: its name and the SQL expression computing its value for every existing row.</summary>
internal sealed record NewColumnBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("expression")] string Expression);

/// <summary><c>alter_columns</c>: <c>{"alterations": [{"path", "rename"?, "nullable"?, "data_type"?}, …]}</c>.</summary>
internal sealed record AlterColumnsRequest([property: JsonPropertyName("alterations")] IReadOnlyList<ColumnAlterationBody> Alterations);

/// <summary>One alteration of the column at <see cref="Path"/>; absent members are left as they are.</summary>
internal sealed record ColumnAlterationBody([property: JsonPropertyName("path")] string Path)
{
    [JsonPropertyName("rename")]
    public string? Rename { get; init; }

    [JsonPropertyName("nullable")]
    public bool? Nullable { get; init; }

    /// <summary>A JSON data type (<c>{"type": "int64"}</c>, <c>{"type": "fixed_size_list", "fields": […], "length": n}</c>), see <see cref="ArrowTypeNames.ToJson"/>.</summary>
    [JsonPropertyName("data_type")]
    public JsonObject? DataType { get; init; }
}

/// <summary><c>drop_columns</c>: <c>{"columns": [name, …]}</c>.</summary>
internal sealed record DropColumnsRequest([property: JsonPropertyName("columns")] IReadOnlyList<string> Columns);
