namespace LanceOrm.Tests.Support;

/// <summary>A record entity that reads its embedding vector back: changed with <c>with</c> expressions.</summary>
[LanceTable("memos")]
public sealed partial record Memo
{
    [Key] public string Id { get; init; } = "";

    [Embed(HashingEmbeddingGenerator.Name)] public string Text { get; init; } = "";

    [Vector(HashingEmbeddingGenerator.Dimensions), Column("vector")] public float[]? Vector { get; init; }
}
