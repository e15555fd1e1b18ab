namespace LanceOrm.Tests.Support;

/// <summary>An entity embedded with the built-in <c>minilm</c> function (run over a generated BERT-shaped model in tests).</summary>
[LanceTable("passages")]
public sealed partial class Passage
{
    [Key] public string Id { get; set; } = "";

    [Embed("minilm")] public string Text { get; set; } = "";
}
