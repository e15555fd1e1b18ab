[assembly: LanceOrm.EmbeddingFunction(LanceOrm.Tests.Support.HashingEmbeddingGenerator.Name, LanceOrm.Tests.Support.HashingEmbeddingGenerator.Dimensions)]

namespace LanceOrm.Tests.Support;

public enum Category
{
    News,
    Opinion,
    Science,
}

/// <summary>The test entity; its map, <c>NoteRepository</c> and <c>db.Notes()</c> come from the source generator.</summary>
[LanceTable("notes")]
public sealed partial class Note
{
    [Key] public string Id { get; set; } = "";
    [FullTextIndex] public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Body { get; set; } = "";
    public int Year { get; set; }
    public Category Category { get; set; }
    public bool Published { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateOnly Day { get; set; }
    public double? Rating { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>A vector the row already carries (then it is not embedded again).</summary>
    [Vector(HashingEmbeddingGenerator.Dimensions), Column("vector")] public float[]? Vector { get; set; }

    public static Note Make(int i, string? body = null) => new()
    {
        Id = $"n{i:D6}",
        Title = $"Title {i}",
        Body = body ?? $"note number {i} about topic {i % 7}",
        Year = 2015 + (i % 12),
        Category = (Category)(i % 3),
        Published = i % 2 == 0,
        CreatedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
        Day = new DateOnly(2020, 1, 1).AddDays(i % 400),
        Rating = i % 5 == 0 ? null : i % 10 / 2.0,
        Tags = i % 4 == 0 ? ["even", "quad"] : i % 2 == 0 ? ["even"] : [],
    };
}
