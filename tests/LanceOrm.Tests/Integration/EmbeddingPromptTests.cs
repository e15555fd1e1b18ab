using System.Text.Json.Nodes;
using LanceOrm.Embeddings;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Queries and documents are embedded apart, as LanceDB's compute_query_embeddings / compute_source_embeddings: a
/// function's query prompt goes on what a search sends, its document prompt on what rows (and updates) store.
/// </summary>
public sealed class EmbeddingPromptTests(EmulatorFixture fixture)
{
    private const string QueryPrompt = "query: ";
    private const string DocumentPrompt = "passage: ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_sends_the_query_prompted_vector_while_rows_and_updates_store_document_prompted_vectors()
    {
        var registry = new EmbeddingRegistry().Register(
            HashingEmbeddingGenerator.Name,
            new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions),
            HashingEmbeddingGenerator.Dimensions,
            prompts: new EmbeddingPrompts(Query: QueryPrompt, Document: DocumentPrompt));
        var recorder = new RecordingHandler();
        using var db = await fixture.ConnectAsync(registry: registry, handler: recorder);
        var notes = await fixture.NewTableAsync(db, "prompts");
        await notes.AddAsync([Note.Make(1, "how do vector indexes work"), Note.Make(2, "a recipe for sourdough bread")], cancellationToken: Ct);
        await notes.UpdateAsync(x => x.Id == Note.Make(2).Id, set => set.Set(x => x.Body, "sourdough starters and wild yeast"), Ct);

        var hits = await notes.Search(x => x.Body, "vector index").Limit(2).ToListAsync(Ct);

        var query = recorder.Requests.Where(r => r.Path.EndsWith("/query/", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body!)!).Last();
        Assert.Equal(HashingEmbeddingGenerator.Embed(QueryPrompt + "vector index"), query["vector"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray());
        var stored = hits.ToDictionary(h => h.Entity.Id, h => h.Entity.Vector);
        Assert.Equal(HashingEmbeddingGenerator.Embed(DocumentPrompt + "how do vector indexes work"), stored[Note.Make(1).Id]);
        Assert.Equal(HashingEmbeddingGenerator.Embed(DocumentPrompt + "sourdough starters and wild yeast"), stored[Note.Make(2).Id]);
    }
}
