namespace LanceOrm.VectorData.Tests.Support;

/// <summary>A LanceOrm entity served through both APIs.</summary>
[LanceTable("articles")]
public partial class Article
{
    [Key] public string Id { get; set; } = "";

    [Embed("minilm")]
    [FullTextIndex]
    public string Body { get; set; } = "";

    public int Year { get; set; }

    public string? Category { get; set; }
}
