using LanceOrm.Diagnostics;
using System.Diagnostics.Metrics;

namespace LanceOrm.Embeddings.Tests;

public sealed class EmbeddingCacheSpecification
{
    private static readonly string[] Texts = ["the cat sits outside", "a man is playing guitar", "love pasta"];

    private static EmbeddingFunction Function(MiniLmEmbeddingGenerator generator, EmbeddingCache cache, string name = "minilm") =>
        new(BuiltInEmbeddingFunctions.MiniLmIdentity with { Name = name }, 384, generator, cache);

    [Fact]
    public async Task Re_embedding_unchanged_text_computes_nothing_and_returns_the_same_vectors()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var cache = new EmbeddingCache();
        var function = Function(generator, cache);
        var first = new float[Texts.Length * 384];
        var second = new float[Texts.Length * 384];
        var ct = TestContext.Current.CancellationToken;

        await function.EmbedAsync(Texts, first, ct);
        await function.EmbedAsync(Texts, second, ct);

        Assert.Equal(3, generator.Statistics.TextsEmbedded);
        Assert.Equal(3, cache.Statistics.Misses);
        Assert.Equal(3, cache.Statistics.MemoryHits);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Only_changed_texts_are_computed_and_duplicates_in_one_call_only_once()
    {
        using var generator = GeneratedModel.CreateGenerator();
        var function = Function(generator, new EmbeddingCache());
        var ct = TestContext.Current.CancellationToken;
        await function.EmbedAsync(Texts, new float[3 * 384], ct);

        var destination = new float[4 * 384];
        await function.EmbedAsync(["the cat sits outside", "new movie", "new movie", "love pasta"], destination, ct);

        Assert.Equal(4, generator.Statistics.TextsEmbedded);
        Assert.Equal(destination.AsSpan(384, 384).ToArray(), destination.AsSpan(768, 384).ToArray());
        var direct = await generator.GenerateAsync(["new movie"], cancellationToken: ct);
        VectorAssert.Close(direct[0].Vector.Span, destination.AsSpan(384, 384), 0);
    }

    [Fact]
    public async Task The_on_disk_store_answers_after_a_restart_without_computing()
    {
        var directory = TempDirectory.Create("disk-cache");
        var ct = TestContext.Current.CancellationToken;
        var before = new float[3 * 384];
        using (var generator = GeneratedModel.CreateGenerator())
        {
            await Function(generator, new EmbeddingCache(new() { Directory = directory })).EmbedAsync(Texts, before, ct);
        }

        using var restarted = GeneratedModel.CreateGenerator();
        var cache = new EmbeddingCache(new() { Directory = directory });
        var after = new float[3 * 384];
        await Function(restarted, cache).EmbedAsync(Texts, after, ct);

        Assert.Equal(0, restarted.Statistics.TextsEmbedded);
        Assert.Equal(3, cache.Statistics.DiskHits);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_corrupt_file_in_the_disk_store_is_a_miss_and_is_rewritten()
    {
        var directory = TempDirectory.Create("disk-cache-corrupt");
        var ct = TestContext.Current.CancellationToken;
        using var generator = GeneratedModel.CreateGenerator();
        await Function(generator, new EmbeddingCache(new() { Directory = directory })).EmbedAsync(["the cat"], new float[384], ct);
        var file = Directory.EnumerateFiles(directory, "*.vec", SearchOption.AllDirectories).Single();
        await File.WriteAllBytesAsync(file, [1, 2, 3], ct);

        var cache = new EmbeddingCache(new() { Directory = directory });
        await Function(generator, cache).EmbedAsync(["the cat"], new float[384], ct);

        Assert.Equal(1, cache.Statistics.Misses);
        Assert.Equal(2, generator.Statistics.TextsEmbedded);
        Assert.Equal(8 + (384 * 4), new FileInfo(file).Length);
    }

    [Fact]
    public async Task The_memory_tier_keeps_at_most_max_entries_evicting_the_least_recently_used()
    {
        var cache = new EmbeddingCache(new() { MaxEntries = 2 });
        var identity = BuiltInEmbeddingFunctions.MiniLmIdentity;
        var ct = TestContext.Current.CancellationToken;
        var a = EmbeddingCacheKey.Create(identity, "a");
        var b = EmbeddingCacheKey.Create(identity, "b");
        var c = EmbeddingCacheKey.Create(identity, "c");
        await cache.SetAsync(a, new float[] { 1 }, ct);
        await cache.SetAsync(b, new float[] { 2 }, ct);
        Assert.True(await cache.TryGetAsync(a, new float[1], "t", ct)); // a is now the most recent
        await cache.SetAsync(c, new float[] { 3 }, ct);

        Assert.Equal(2, cache.Count);
        Assert.Equal(1, cache.Statistics.Evictions);
        Assert.False(await cache.TryGetAsync(b, new float[1], "t", ct));
        Assert.True(await cache.TryGetAsync(a, new float[1], "t", ct));
    }

    [Fact]
    public void Keys_combine_the_function_identity_with_the_sha256_of_the_text()
    {
        var identity = BuiltInEmbeddingFunctions.MiniLmIdentity;

        var key = EmbeddingCacheKey.Create(identity, "abc");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", key.TextHash);
        Assert.Equal(key, EmbeddingCacheKey.Create(identity, "abc"));
        Assert.NotEqual(key, EmbeddingCacheKey.Create(identity with { Version = "1-int8" }, "abc"));
        Assert.NotEqual(key, EmbeddingCacheKey.Create(identity with { Model = "other/model" }, "abc"));
        Assert.NotEqual(key, EmbeddingCacheKey.Create(identity, "abd"));
    }

    [Fact]
    public async Task Hits_and_misses_are_published_on_the_lanceorm_meter()
    {
        var name = $"metered-{Guid.NewGuid():N}";
        long hits = 0, misses = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LanceOrm")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var ours = false;
            foreach (var tag in tags)
            {
                ours |= tag.Key == "function" && (string?)tag.Value == name;
            }

            if (ours && instrument.Name == LanceOrmTelemetry.CacheHits)
            {
                Interlocked.Add(ref hits, value);
            }
            else if (ours && instrument.Name == LanceOrmTelemetry.CacheMisses)
            {
                Interlocked.Add(ref misses, value);
            }
        });
        listener.Start();
        using var generator = GeneratedModel.CreateGenerator();
        var function = Function(generator, new EmbeddingCache(), name);
        var ct = TestContext.Current.CancellationToken;

        await function.EmbedAsync(Texts, new float[3 * 384], ct);
        await function.EmbedAsync(Texts[..2], new float[2 * 384], ct);

        Assert.Equal(3, Interlocked.Read(ref misses));
        Assert.Equal(2, Interlocked.Read(ref hits));
    }
}
