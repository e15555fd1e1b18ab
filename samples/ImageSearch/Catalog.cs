using System.Text.Json;

namespace ImageSearch;

/// <summary>Reads and writes <c>catalog.json</c> (a JSON array of <see cref="CatalogEntry"/>).</summary>
public static class Catalog
{
    public const string FileName = "catalog.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The image folder copied next to the sample's binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Images");

    public static async Task<IReadOnlyList<CatalogEntry>> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        await using var stream = File.OpenRead(path);
        var entries = await JsonSerializer.DeserializeAsync<List<CatalogEntry>>(stream, Json, cancellationToken)
                      ?? throw new InvalidDataException($"{path}: expected a JSON array of catalogue entries.");
        foreach (var entry in entries)
        {
            if (string.IsNullOrEmpty(entry.Id) || string.IsNullOrEmpty(entry.File) || string.IsNullOrEmpty(entry.Family))
            {
                throw new InvalidDataException($"{path}: every entry needs 'id', 'file' and 'family'.");
            }
        }

        return entries;
    }

    public static string Serialize(IEnumerable<CatalogEntry> entries) => JsonSerializer.Serialize(entries, Json) + "\n";
}
