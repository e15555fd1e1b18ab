using LanceOrm;

namespace Quickstart;

/// <summary>
/// One paragraph of the bundled corpus. <c>[Embed("minilm")]</c> makes LanceOrm compute the <c>vector</c> column from
/// <see cref="Body"/> locally (all-MiniLM-L6-v2, 384 dimensions) before the row is uploaded; the source generator writes
/// the Arrow schema, the mapper and <c>ArticleRepository</c> (<c>db.Articles()</c>).
/// </summary>
[LanceTable("quickstart_articles")]
public partial class Article
{
    [Key] public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    [Embed("minilm")] public string Body { get; set; } = "";

    public string Category { get; set; } = "";

    public int Year { get; set; }

    public List<string> Tags { get; set; } = [];
}
