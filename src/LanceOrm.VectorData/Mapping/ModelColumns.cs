using System.Text.Json;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.VectorData.Model;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData.Mapping;

/// <summary>
/// The LanceDB columns of an MEVD model: one per property, named by its storage name, in the model's order; and the
/// <c>embedding_functions</c> metadata for vectors computed by a LanceOrm embedding function, so the official clients
/// can search the table by text.
/// </summary>
internal static class ModelColumns
{
    /// <summary>The column of each property (same order as <see cref="CollectionModel.Properties"/>).</summary>
    public static IReadOnlyList<LanceColumnInfo> Of(CollectionModel model) =>
        model.Properties.Select(Of).ToArray();

    /// <summary>The <c>embedding_functions</c> JSON for the vector properties computed by a LanceOrm embedding function, or null.</summary>
    public static string? EmbeddingFunctionsJson(CollectionModel model)
    {
        var entries = new List<Dictionary<string, object>>();
        foreach (var vector in model.VectorProperties)
        {
            if (vector.EmbeddingGenerator?.GetService(typeof(EmbeddingFunction)) is EmbeddingFunction function)
            {
                // The text is the record's property and is not stored; the official clients need the function and the
                // vector column to search by text, and the source column only to add rows themselves.
                entries.Add(new()
                {
                    ["name"] = function.Identity.MetadataName,
                    ["model"] = JsonDocument.Parse(function.Identity.ModelJson).RootElement,
                    ["source_column"] = vector.ModelName,
                    ["vector_column"] = vector.StorageName,
                    ["sourceColumn"] = vector.ModelName,
                    ["vectorColumn"] = vector.StorageName,
                });
            }
        }

        return entries.Count == 0 ? null : JsonSerializer.Serialize(entries, ModelJsonContext.Default.ListDictionaryStringObject);
    }

    private static LanceColumnInfo Of(PropertyModel property) => property switch
    {
        KeyPropertyModel key => new LanceColumnInfo(key.ModelName, key.StorageName, ValueKinds.DataKind(key.Type), IsNullable: false, IsKey: true),
        VectorPropertyModel vector => new LanceColumnInfo(vector.ModelName, vector.StorageName, LanceValueKind.Vector, IsNullable: true, VectorDimensions: vector.Dimensions),
        DataPropertyModel data => new LanceColumnInfo(data.ModelName, data.StorageName, ValueKinds.DataKind(data.Type), data.IsNullable, HasFullTextIndex: data.IsFullTextIndexed),
        _ => throw new NotSupportedException($"Unknown property model '{property.GetType().Name}'."),
    };
}
