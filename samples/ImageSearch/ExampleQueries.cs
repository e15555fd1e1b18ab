using ImageSearch.Drawing;

namespace ImageSearch;

/// <summary>The three searches of the sample, built from the catalogue and from a picture drawn on the fly.</summary>
public static class ExampleQueries
{
    /// <summary>The catalogue picture whose near-duplicate is searched for; it must come back first.</summary>
    public const string NearDuplicateOf = "mug-blue";

    public static async Task<IReadOnlyList<ExampleQuery>> CreateAsync(string imageFolder, IReadOnlyList<CatalogEntry> catalog, CancellationToken cancellationToken)
    {
        var original = catalog.FirstOrDefault(e => e.Id == NearDuplicateOf)
                       ?? throw new InvalidDataException($"The catalogue has no entry '{NearDuplicateOf}'.");
        var duplicate = NearDuplicate.Make(await File.ReadAllBytesAsync(Path.Combine(imageFolder, original.File), cancellationToken));

        var unseen = ImageSet.UnseenQuery;
        using var drawn = Picture.Render(unseen.Painter, unseen.Look);
        var unseenBytes = Picture.Encode(drawn, unseen.Format);

        return
        [
            new($"(a) {original.File} cropped 5%, halved, JPEG q{NearDuplicate.JpegQuality}", duplicate, ExpectedFirstId: original.Id),
            new($"(b) not in the table: {unseen.Title.ToLowerInvariant()}", unseenBytes),
            new("(c) the same picture", unseenBytes, x => x.Family != "bicycle", "x => x.Family != \"bicycle\""),
        ];
    }
}
