using LanceOrm.Embeddings;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Tests.Integration;

/// <summary>A write says where each vector came from (computed, cache, the row itself) and how many texts were truncated.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class WriteResultTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string LongText = string.Concat(Enumerable.Repeat("the cat sits outside. ", 200)); // > 256 word pieces

    [Fact]
    public async Task Vectors_are_counted_as_computed_from_the_cache_or_supplied_by_the_row()
    {
        var generator = new HashingEmbeddingGenerator(HashingEmbeddingGenerator.Dimensions);
        var registry = new EmbeddingRegistry().Register(HashingEmbeddingGenerator.Name, generator, HashingEmbeddingGenerator.Dimensions);
        using var db = await fixture.ConnectAsync(registry: registry);
        var notes = await fixture.NewTableAsync(db, "counts");
        var carrying = Note.Make(1);
        carrying.Vector = new float[HashingEmbeddingGenerator.Dimensions];

        var first = await notes.AddAsync([carrying, Note.Make(2), Note.Make(3)], cancellationToken: Ct);
        var second = await notes.UpsertAsync([Note.Make(1), Note.Make(2), Note.Make(3), Note.Make(4)], cancellationToken: Ct);

        Assert.Equal((3L, 2L, 0L, 1L, 0L), (first.RowsSent, first.VectorsComputed, first.VectorsFromCache, first.VectorsSupplied, first.TextsTruncated));
        // Rows 2 and 3 were embedded by the first call; rows 1 (it carried its vector then) and 4 are new texts.
        Assert.Equal((4L, 2L, 2L, 0L), (second.RowsSent, second.VectorsComputed, second.VectorsFromCache, second.VectorsSupplied));
        Assert.Equal(2, generator.Calls);
    }

    [Fact]
    public async Task Progress_reports_the_running_vector_counts()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 2);
        var notes = await fixture.NewTableAsync(db, "progress");
        await notes.AddAsync([Note.Make(0)], cancellationToken: Ct);
        var reports = new List<WriteProgress>();

        await notes.UpsertAsync([Note.Make(0), Note.Make(1), Note.Make(2)], new SynchronousProgress(reports.Add), Ct);

        Assert.Equal([new WriteProgress(2, 1, 1, 0, 0, 1), new WriteProgress(3, 2, 1, 0, 0, 2)], reports);
    }

    [Fact]
    public async Task Texts_cut_to_the_model_limit_are_counted_and_logged_once_per_call_without_their_content()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var registry = new EmbeddingRegistry(new EmbeddingRegistryOptions { MiniLm = { ModelDirectory = GeneratedMiniLmModel.Directory, AllowDownload = false, IntraOpThreads = 1 } });
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 2, registry, factory);
        var passages = db.Passages();
        await passages.CreateTableAsync(CreateMode.Create, Ct);
        Passage[] rows =
        [
            new() { Id = "p1", Text = LongText },
            new() { Id = "p2", Text = "a dog runs in the park" },
            new() { Id = "p3", Text = "outside " + LongText },
            new() { Id = "p4", Text = "the cat sits outside" },
        ];

        var first = await passages.AddAsync(rows, cancellationToken: Ct);
        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("truncated", StringComparison.Ordinal)).ToArray();
        var again = await passages.UpsertAsync(rows, cancellationToken: Ct);

        Assert.Equal(2, first.TextsTruncated);
        Assert.Equal(4, first.VectorsComputed);
        var warning = Assert.Single(warnings);
        Assert.Contains("passages: 2 text(s)", warning);
        Assert.DoesNotContain("sits outside", warning);
        // The second call computes nothing: cached vectors were counted when they were computed.
        Assert.Equal((0L, 4L, 0L), (again.VectorsComputed, again.VectorsFromCache, again.TextsTruncated));
        Assert.Single(logs.Lines, l => l.Contains("truncated", StringComparison.Ordinal));
    }

    private sealed class SynchronousProgress(Action<WriteProgress> report) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => report(value);
    }
}
