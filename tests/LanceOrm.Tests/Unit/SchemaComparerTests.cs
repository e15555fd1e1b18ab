using System.Text.Json.Nodes;
using LanceOrm.Protocol;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

public sealed class SchemaComparerTests
{
    private static JsonNode Described(Func<JsonArray, JsonArray> edit)
    {
        var fields = new JsonArray
        {
            Field("id", "string"), Field("title", "string"), Field("body", "string"), Field("year", "int32"), Field("category", "string"),
            Field("published", "bool"),
            new JsonObject { ["name"] = "tags", ["type"] = new JsonObject { ["type"] = "list", ["fields"] = new JsonArray(Field("item", "string")) } }, Field("created_at", "timestamp:us:UTC"), Field("day", "date32:day"), Field("rating", "double"),
            new JsonObject { ["name"] = "vector", ["type"] = new JsonObject { ["type"] = "fixed_size_list", ["length"] = 32, ["fields"] = new JsonArray(Field("item", "float")) }, ["nullable"] = false },
        };
        return new JsonObject { ["fields"] = edit(fields) };
    }

    private static JsonObject Field(string name, string type) => new() { ["name"] = name, ["type"] = new JsonObject { ["type"] = type }, ["nullable"] = true };

    [Fact]
    public void An_identical_schema_has_no_differences()
    {
        Assert.Empty(SchemaComparer.Compare(Note.LanceMap.Schema, Described(f => f)));
    }

    [Fact]
    public void Each_missing_column_type_and_dimension_difference_is_named()
    {
        var server = Described(fields =>
        {
            fields.RemoveAt(3); // year
            fields[2 /* body */] = Field("body", "int64");
            fields[^1]!["type"]!["length"] = 16;
            return fields;
        });

        var differences = SchemaComparer.Compare(Note.LanceMap.Schema, server);

        Assert.Contains(differences, d => d is { Kind: SchemaDifferenceKind.MissingColumn, Column: "year" });
        Assert.Contains(differences, d => d is { Kind: SchemaDifferenceKind.TypeMismatch, Column: "body", Expected: "string", Actual: "int64" });
        Assert.Contains(differences, d => d is { Kind: SchemaDifferenceKind.VectorDimensionMismatch, Column: "vector", Expected: "32", Actual: "16" });
        var message = new SchemaMismatchException("t", differences).Message;
        Assert.Contains("'year'", message);
        Assert.Contains("'body'", message);
        Assert.Contains("dimension 16", message);
    }
}
