[assembly: LanceOrm.EmbeddingFunction(LanceOrm.Tests.Support.OpenAiFunction.Name, LanceOrm.Tests.Support.OpenAiFunction.Dimensions)]

namespace LanceOrm.Tests.Support;

/// <summary>An entity embedded by an application-registered function (<c>openai</c>: a remote OpenAI-compatible endpoint in the tests).</summary>
[LanceTable("articles")]
public sealed partial class Article
{
    [Key] public string Id { get; set; } = "";

    [Embed(OpenAiFunction.Name)] public string Body { get; set; } = "";

    /// <summary>The stored vector, read back.</summary>
    [Vector(OpenAiFunction.Dimensions), Column("vector")] public float[]? Vector { get; set; }

    public static Article[] Corpus() =>
        SearchCorpus.Bodies.Select((body, i) => new Article { Id = $"a{i}", Body = body }).ToArray();
}
