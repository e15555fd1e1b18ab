using LanceOrm.Diagnostics;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LanceOrm.Embeddings.Tests;

public sealed class BadInputSpecification(ITestOutputHelper output)
{
    [Fact]
    public async Task A_null_text_is_an_argument_error_naming_its_index()
    {
        using var generator = GeneratedModel.CreateGenerator();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["ok", null!, "fine"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("index 1", error.Message);
        Assert.Equal(0, generator.Statistics.TextsEmbedded);
    }

    [Fact]
    public async Task A_null_text_given_to_an_embedding_function_is_an_argument_error_naming_its_index()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var function = new EmbeddingFunction(BuiltInEmbeddingFunctions.MiniLmIdentity, 384, generator);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => function.EmbedAsync(["a", "b", null!], new float[3 * 384], TestContext.Current.CancellationToken));

        Assert.Contains("index 2", error.Message);
    }

    [Fact]
    public async Task Empty_and_whitespace_texts_embed_like_the_reference_does_as_cls_sep()
    {
        using var generator = GeneratedModel.CreateGenerator();

        var embeddings = await generator.GenerateAsync(["", " ", "\t\n  "], cancellationToken: TestContext.Current.CancellationToken);

        VectorAssert.Close(GeneratedModel.HandPooledVector([2, 3]), embeddings[0].Vector.Span);
        VectorAssert.Close(embeddings[0].Vector.Span, embeddings[1].Vector.Span, 0);
        VectorAssert.Close(embeddings[0].Vector.Span, embeddings[2].Vector.Span, 0);
    }

    [Fact]
    public async Task The_embedding_path_reports_truncated_texts_computed_and_cached_vectors_per_call()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var function = new EmbeddingFunction(BuiltInEmbeddingFunctions.MiniLmIdentity, 384, generator);
        var longText = string.Concat(Enumerable.Repeat("the cat sits outside. ", 200));
        string[] texts = [longText, "the cat", "outside " + longText, longText];

        var first = await function.EmbedForTableAsync(texts, new float[4 * 384], "t", EmbeddingInputKind.Document, TestContext.Current.CancellationToken);
        var again = await function.EmbedForTableAsync(texts, new float[4 * 384], "t", EmbeddingInputKind.Document, TestContext.Current.CancellationToken);

        Assert.Equal(new EmbeddingCounts(Computed: 4, Cached: 0, Truncated: 2), first); // the repeated long text is computed (and truncated) once
        Assert.Equal(new EmbeddingCounts(Computed: 0, Cached: 4, Truncated: 0), again);
        Assert.Equal(2, generator.Statistics.Truncations);
    }

    [Fact]
    public async Task A_one_megabyte_text_is_truncated_to_256_word_pieces_and_counted()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var text = string.Concat(Enumerable.Repeat("the cat sits outside. ", 1024 * 1024 / 22));
        var stopwatch = Stopwatch.StartNew();

        var embeddings = await generator.GenerateAsync([text, "the cat"], cancellationToken: TestContext.Current.CancellationToken);

        output.WriteLine($"1 MB text embedded in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(1, generator.Statistics.Truncations);
        Assert.Equal(256 + 4, generator.Statistics.Tokens);
        VectorAssert.UnitLength(embeddings[0].Vector.Span);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("cat \uDC00 sits")]
    [InlineData("\uDBFF\uDBFF the")]
    [InlineData("\0\u0001\u0007\u001b[31m cat \u007f\u0085\u200b\uFEFF")]
    [InlineData("\r\n\t\v\f")]
    [InlineData("😀 🐈 漢字 مرحبا")]
    public async Task Lone_surrogates_control_characters_and_other_scripts_embed_without_error(string text)
    {
        using var generator = GeneratedModel.CreateGenerator();

        var embeddings = await generator.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken);

        VectorAssert.UnitLength(embeddings[0].Vector.Span);
    }

    [Fact]
    public async Task Cancellation_stops_a_large_batch_after_the_batch_in_flight()
    {
        using var generator = GeneratedModel.CreateGenerator(maxBatchSize: 16);
        var texts = Enumerable.Range(0, 8_000).Select(i => $"the cat sits outside number {i}").ToArray();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LanceOrmTelemetry.Name && instrument.Name == LanceOrmTelemetry.Batches)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => cancellation.Cancel());
        listener.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(texts, cancellationToken: cancellation.Token));

        Assert.InRange(generator.Statistics.Batches, 0, 3);
        Assert.Equal(0, generator.Statistics.TextsEmbedded);
    }

    [Fact]
    public async Task An_already_cancelled_call_does_no_work()
    {
        using var generator = GeneratedModel.CreateGenerator();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["the cat"], cancellationToken: new CancellationToken(true)));

        Assert.Equal(0, generator.Statistics.Batches);
    }
}
