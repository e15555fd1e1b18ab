using System.Text.Json;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// Parity with Python sentence-transformers (reference-embeddings.json) — runs only where a real all-MiniLM-L6-v2
/// model.onnx is present (LANCEORM_MODEL_DIR or the shared models folder); skipped with the reason otherwise.
/// </summary>
public sealed class RealModelParitySpecification(ITestOutputHelper output)
{
    private const string ModelId = "sentence-transformers/all-MiniLM-L6-v2";

    [Fact]
    public async Task Every_reference_sentence_embeds_within_cosine_0_999_of_python_sentence_transformers()
    {
        var directory = RealModelOrSkip();
        var references = ReadReferences();
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmOptions { ModelDirectory = directory, AllowDownload = false });

        var embeddings = await generator.GenerateAsync(references.Select(r => r.Sentence), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(9, references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            var cosine = Vectors.Cosine(references[i].Embedding, embeddings[i].Vector.Span);
            output.WriteLine($"{cosine:F6}  {references[i].Sentence}");
            Assert.True(cosine >= 0.999, $"'{references[i].Sentence}': cosine {cosine:F6} < 0.999");
        }
    }

    [Fact]
    public async Task Paraphrases_are_closer_than_unrelated_sentences()
    {
        var directory = RealModelOrSkip();
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmOptions { ModelDirectory = directory, AllowDownload = false });
        string[] texts =
        [
            "The cat sits outside", "The cat sits", "The new movie is awesome", "The new movie is so great",
            "A man is playing guitar", "A woman watches TV", "I love pasta", "Do you like pizza?",
        ];

        var e = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        double Cos(int a, int b) => Vectors.Cosine(e[a].Vector.Span, e[b].Vector.Span);

        var unrelated = new[] { Cos(4, 5), Cos(0, 2), Cos(6, 2), Cos(1, 5) }.Max();
        Assert.True(Cos(0, 1) > 0.8 && Cos(2, 3) > 0.8, $"paraphrases {Cos(0, 1):F3}, {Cos(2, 3):F3}");
        Assert.True(Cos(6, 7) > unrelated, $"pasta/pizza {Cos(6, 7):F3} vs unrelated {unrelated:F3}");
        Assert.True(Math.Min(Cos(0, 1), Cos(2, 3)) > unrelated + 0.5, $"paraphrases vs unrelated {unrelated:F3}");
    }

    private static string RealModelOrSkip()
    {
        if (SharedModelFiles.RealModelDirectory is not { } directory)
        {
            Assert.Skip(SharedModelFiles.RealModelMissingReason);
            throw new InvalidOperationException("unreachable");
        }

        return directory;
    }

    private static List<(string Sentence, float[] Embedding)> ReadReferences()
    {
        var path = Path.Combine(SharedModelFiles.TokenizerDirectory!, "reference-embeddings.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var fixture = document.RootElement.GetProperty("fixtures").EnumerateArray()
            .Single(f => f.GetProperty("model").GetString() == ModelId);
        return fixture.GetProperty("examples").EnumerateArray()
            .Select(x => (x.GetProperty("sentence").GetString()!, x.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()))
            .ToList();
    }
}
