namespace LanceOrm.Interop.Tests;

/// <summary>A table LanceOrm creates and fills (the quickstart corpus' shape).</summary>
[LanceTable("lanceorm_articles")]
public partial class InteropArticle
{
    [Key] public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    [Embed("minilm")] public string Body { get; set; } = "";

    public string Category { get; set; } = "";

    public int Year { get; set; }

    public List<string> Tags { get; set; } = [];
}

/// <summary>
/// A LanceOrm view of the table the official client's <c>create</c> makes: <c>id, title, body, year</c> (utf8/int32) and
/// <c>vector</c> (fixed_size_list&lt;float32&gt;[384]) with its own <c>huggingface</c> embedding metadata.
/// </summary>
[LanceTable("official_articles")]
public partial class OfficialArticle
{
    [Key] public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    [Embed("minilm")] public string Body { get; set; } = "";

    public int Year { get; set; }
}

/// <summary>A LanceOrm table with a text embedding and an image embedding (resnet18, listed apart in the metadata).</summary>
[LanceTable("lanceorm_products")]
public partial class InteropProduct
{
    [Key] public string Id { get; set; } = "";

    [Embed("minilm", VectorColumn = "description_vector")] public string Description { get; set; } = "";

    [Embed("resnet18", VectorColumn = "photo_vector")] public byte[]? Photo { get; set; }
}
