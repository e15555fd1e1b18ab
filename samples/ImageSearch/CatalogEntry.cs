using System.Text.Json.Serialization;

namespace ImageSearch;

/// <summary>One picture of the bundled set, as listed in <c>Images/catalog.json</c>.</summary>
public sealed record CatalogEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("family")] string Family);
