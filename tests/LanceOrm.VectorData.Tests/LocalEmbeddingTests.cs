using LanceOrm.VectorData.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Tests;

/// <summary>
/// LanceOrm's local MiniLM is one line away — and an explicit choice: a store without a generator refuses text, as
/// Microsoft.Extensions.VectorData specifies.
/// </summary>
public sealed class LocalEmbeddingTests(EmulatorFixture emulator)
{
    public sealed class Note
    {
        [VectorStoreKey] public string Id { get; set; } = "";

        [VectorStoreData(IsIndexed = true)] public string Topic { get; set; } = "";

        [VectorStoreData] public string Text { get; set; } = "";

        [VectorStoreVector(384, DistanceFunction = DistanceFunction.CosineSimilarity)] public string Embedding => Text;
    }

    public sealed class RawNote
    {
        [VectorStoreKey] public string Id { get; set; } = "";

        [VectorStoreVector(384)] public ReadOnlyMemory<float> Vector { get; set; }
    }

    private static readonly Note[] Notes =
    [
        new() { Id = "bake", Topic = "food", Text = "Knead the dough, let it rise overnight and bake the bread in a very hot oven." },
        new() { Id = "tide", Topic = "nature", Text = "At low tide the rock pools fill with crabs, anemones and small fish." },
        new() { Id = "gc", Topic = "code", Text = "A generational garbage collector promotes long-lived objects to an older heap." },
        new() { Id = "choir", Topic = "music", Text = "Singers warm up their voices with humming and lip trills before rehearsal." },
    ];

    [Fact]
    public async Task A_store_given_the_registry_MiniLM_embeds_records_on_upsert_and_text_on_search_with_no_cloud_service()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        var notes = await LocalNotesAsync(connection, Notes, ct);

        var bread = await notes.SearchAsync("how do I make a loaf?", top: 1, cancellationToken: ct).SingleAsync(ct);
        var memory = await notes.SearchAsync("memory management in a runtime", top: 2, cancellationToken: ct).ToListAsync(ct);
        var filtered = await notes.SearchAsync("how do I make a loaf?", top: 1, new() { Filter = n => n.Topic == "music" }, ct).SingleAsync(ct);

        Assert.Equal("bake", bread.Record.Id);
        Assert.InRange(bread.Score!.Value, 0.3, 1.0);
        Assert.Equal("gc", memory[0].Record.Id);
        Assert.Equal("choir", filtered.Record.Id);
    }

    [Fact]
    public async Task Upserting_changed_text_replaces_the_stored_vector()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        var notes = await LocalNotesAsync(connection, Notes, ct);

        await notes.UpsertAsync(new Note { Id = "tide", Topic = "food", Text = "Simmer the tomatoes with garlic and basil for a quick pasta sauce." }, ct);

        var hit = await notes.SearchAsync("a recipe for pasta sauce", top: 1, cancellationToken: ct).SingleAsync(ct);
        Assert.Equal("tide", hit.Record.Id);
        Assert.Equal("food", hit.Record.Topic);
    }

    [Fact]
    public async Task Without_a_generator_a_text_search_throws_NotSupportedException_and_a_text_vector_property_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        using var store = new LanceDbVectorStore(connection);
        var raw = store.GetCollection<string, RawNote>("raw");
        await raw.EnsureCollectionExistsAsync(ct);

        await Assert.ThrowsAsync<NotSupportedException>(() => raw.SearchAsync("text", top: 1, cancellationToken: ct).ToListAsync(ct).AsTask());
        Assert.Throws<InvalidOperationException>(() => store.GetCollection<string, Note>("notes"));
    }

    [Fact]
    public async Task Vectors_generated_from_text_cannot_be_read_back_into_the_record()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = emulator.Connect();
        var notes = await LocalNotesAsync(connection, [Notes[0]], ct);

        await Assert.ThrowsAsync<NotSupportedException>(() => notes.GetAsync("bake", new() { IncludeVectors = true }, ct));
        Assert.Equal(Notes[0].Text, (await notes.GetAsync("bake", cancellationToken: ct))!.Text);
    }

    /// <summary>The notes collection of a store that embeds with the registry's MiniLM, holding <paramref name="notes"/>.</summary>
    private static async Task<VectorStoreCollection<string, Note>> LocalNotesAsync(LanceDbConnection connection, Note[] notes, CancellationToken ct)
    {
        var store = new LanceDbVectorStore(connection, new() { EmbeddingGenerator = connection.Embeddings.Get("minilm").AsEmbeddingGenerator() });
        var collection = store.GetCollection<string, Note>("notes");
        await collection.EnsureCollectionExistsAsync(ct);
        await collection.UpsertAsync(notes, ct);
        return collection;
    }

    [Fact]
    public async Task The_dependency_injection_one_liner_registers_a_store_that_embeds_locally()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = new ServiceCollection();
        services.AddLanceOrm(o =>
        {
            o.Uri = "db://di" + Guid.NewGuid().ToString("N")[..12];
            o.ApiKey = EmulatorFixture.ApiKey;
            o.HostOverride = emulator.Emulator.Url;
        }).AddVectorStore("minilm");
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<VectorStore>();
        var notes = store.GetCollection<string, Note>("notes");
        await notes.EnsureCollectionExistsAsync(ct);
        await notes.UpsertAsync(Notes, ct);
        var hit = await notes.SearchAsync("singing practice", top: 1, cancellationToken: ct).SingleAsync(ct);

        Assert.IsType<LanceDbVectorStore>(store);
        Assert.Same(store, provider.GetRequiredService<LanceDbVectorStore>());
        Assert.Equal("choir", hit.Record.Id);
    }
}
