using LanceOrm.Embeddings.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The whole pipeline — model loading, batching by length, masking, pooling, normalisation — on a BERT-shaped ONNX model
/// the tests generate, checked against a hand computation from the model's known tables.
/// </summary>
public sealed class GeneratedModelPipelineSpecification
{
    private static readonly string[] MixedLengths =
    [
        "the cat sits outside",
        "a man",
        "hello world, the new movie is playing and a man is playing guitar outside!",
        "pasta",
        "",
        "love the cat",
    ];

    [Fact]
    public void The_generated_model_is_a_real_onnx_file_with_the_minilm_input_and_output_names()
    {
        using var session = new InferenceSession(Path.Combine(GeneratedModel.Directory, "onnx", "model.onnx"));

        Assert.Equal(["attention_mask", "input_ids", "token_type_ids"], session.InputMetadata.Keys.Order());
        Assert.Equal(["last_hidden_state"], session.OutputMetadata.Keys);
        Assert.Equal(384, session.OutputMetadata["last_hidden_state"].Dimensions[2]);
    }

    [Fact]
    public async Task Each_vector_is_the_normalised_mean_of_its_token_vectors_under_the_attention_mask()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var tokenizer = WordPieceTokenizer.FromVocabulary(GeneratedModel.VocabularyPath);

        var embeddings = await generator.GenerateAsync(MixedLengths, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MixedLengths.Length, embeddings.Count);
        for (var i = 0; i < MixedLengths.Length; i++)
        {
            var expected = GeneratedModel.HandPooledVector(tokenizer.Encode(MixedLengths[i]));
            VectorAssert.Close(expected, embeddings[i].Vector.Span);
            VectorAssert.UnitLength(embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task Pooling_padding_would_change_the_vector_so_the_mask_is_really_applied()
    {
        // The [PAD] row is non-zero: averaging a short text together with its padding gives a different vector.
        var tokenizer = WordPieceTokenizer.FromVocabulary(GeneratedModel.VocabularyPath);
        var shortIds = tokenizer.Encode("a man");
        var padded = shortIds.Concat(Enumerable.Repeat(0, 10)).ToArray();
        using var generator = GeneratedModel.CreateGenerator();

        var embeddings = await generator.GenerateAsync(["a man", "hello world, the new movie is playing and a man is playing guitar"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(Vectors.Cosine(GeneratedModel.HandPooledVector(padded), GeneratedModel.HandPooledVector(shortIds)) < 0.999);
        VectorAssert.Close(GeneratedModel.HandPooledVector(shortIds), embeddings[0].Vector.Span);
    }

    [Fact]
    public async Task Results_come_back_in_input_order_whatever_batching_by_length_does()
    {
        using var batched = GeneratedModel.CreateGenerator(maxBatchSize: 2);
        using var single = GeneratedModel.CreateGenerator(maxBatchSize: 1);
        var ct = TestContext.Current.CancellationToken;

        var together = await batched.GenerateAsync(MixedLengths, cancellationToken: ct);
        for (var i = 0; i < MixedLengths.Length; i++)
        {
            var alone = await single.GenerateAsync([MixedLengths[i]], cancellationToken: ct);
            VectorAssert.Close(alone[0].Vector.Span, together[i].Vector.Span, 1e-6f);
        }

        Assert.Equal(3, batched.Statistics.Batches);
    }

    [Fact]
    public async Task Sorting_by_length_keeps_padding_small()
    {
        using var generator = GeneratedModel.CreateGenerator(maxBatchSize: 4);
        var texts = Enumerable.Range(0, 64).Select(i => string.Join(" ", Enumerable.Repeat("cat", 1 + ((i * 37) % 60)))).ToArray();

        await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        // Unsorted, batches of 4 would pad about half of all positions; sorted, lengths within a batch nearly agree.
        Assert.True(generator.Statistics.PaddedTokens * 20 < generator.Statistics.Tokens, generator.Statistics.ToString());
    }

    [Fact]
    public async Task Generated_embeddings_report_the_model_and_token_usage()
    {
        using var generator = GeneratedModel.CreateGenerator();

        var embeddings = await generator.GenerateAsync(["the cat", "a man is playing guitar"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(384, embeddings[0].Vector.Length);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", embeddings[0].ModelId);
        Assert.Equal(4 + 7, embeddings.Usage!.InputTokenCount);
        Assert.Equal(GeneratedModel.Directory, generator.Model!.Directory);
    }

    [Fact]
    public async Task A_model_without_the_expected_output_name_is_rejected_with_the_names_it_has()
    {
        var directory = TempDirectory.Create("wrong-output");
        File.Copy(GeneratedModel.VocabularyPath, Path.Combine(directory, "vocab.txt"));
        var model = new TestSupport.OnnxGraphBuilder()
            .Input("input_ids", TestSupport.OnnxGraphBuilder.Int64, "b", "s")
            .Input("attention_mask", TestSupport.OnnxGraphBuilder.Int64, "b", "s")
            .Output("logits", TestSupport.OnnxGraphBuilder.Int64, "b", "s")
            .Node("Identity", ["input_ids"], ["logits"])
            .Build();
        await File.WriteAllBytesAsync(Path.Combine(directory, "model.onnx"), model, TestContext.Current.CancellationToken);
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmOptions { ModelDirectory = directory, AllowDownload = false });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => generator.GenerateAsync(["x"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("last_hidden_state", error.Message);
        Assert.Contains("logits", error.Message);
    }
}
