namespace LanceOrm.Tests.Support;

/// <summary>An entity that declares one index of each family, created by <c>CreateDeclaredIndicesAsync</c>.</summary>
[LanceTable("indexed_docs")]
public sealed partial class IndexedDoc
{
    [Key] public string Id { get; set; } = "";

    [Embed(HashingEmbeddingGenerator.Name)]
    [VectorIndex(IndexType = VectorIndexType.IvfFlat, NumPartitions = 2, DistanceType = DistanceType.Cosine)]
    [FullTextIndex(WithPosition = true)]
    public string Body { get; set; } = "";

    [ScalarIndex] public int Year { get; set; }

    [ScalarIndex(ScalarIndexType.Bitmap, Name = "category_bitmap")] public string Category { get; set; } = "";

    [ScalarIndex(ScalarIndexType.LabelList)] public List<string> Tags { get; set; } = [];

    public static IndexedDoc Make(int i, string body) => new()
    {
        Id = $"d{i:D4}",
        Body = body,
        Year = 2000 + (i % 20),
        Category = (i % 3) switch { 0 => "news", 1 => "science", _ => "food" },
        Tags = i % 2 == 0 ? ["even"] : ["odd"],
    };
}
