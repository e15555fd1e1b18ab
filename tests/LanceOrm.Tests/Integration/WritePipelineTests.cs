using System.Collections.Concurrent;
using System.Diagnostics;
using LanceOrm.Embeddings;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.AI;

namespace LanceOrm.Tests.Integration;

/// <summary>The pipelined write path: overlap, back-pressure, and the semantics of a sequential write on failure.</summary>
public sealed class WritePipelineTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_batch_is_embedded_while_the_previous_one_uploads()
    {
        var generator = new RecordingGenerator();
        using var http = new SlowWritesHandler(TimeSpan.FromMilliseconds(300)) { InnerHandler = new SocketsHttpHandler() };
        using var db = await fixture.ConnectAsync(
            o => o.WriteBatchSize = 50,
            new EmbeddingRegistry().Register(HashingEmbeddingGenerator.Name, generator, HashingEmbeddingGenerator.Dimensions),
            handler: http);
        var repo = await fixture.NewTableAsync(db, "overlap");
        var acknowledged = new ConcurrentQueue<long>();

        await repo.AddAsync(Enumerable.Range(0, 150).Select(i => Note.Make(i)), new SynchronousProgress(_ => acknowledged.Enqueue(Stopwatch.GetTimestamp())), Ct);

        var embedStarts = generator.CallStarts.ToArray();
        Assert.Equal(3, embedStarts.Length);
        Assert.True(embedStarts[1] < acknowledged.First(), "batch 2 was embedded only after batch 1 was acknowledged");
        Assert.Equal(150, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_streaming_source_is_read_only_a_few_batches_ahead_of_the_acknowledged_rows()
    {
        using var db = await fixture.ConnectAsync(o =>
        {
            o.WriteBatchSize = 50;
            o.WritePipelineDepth = 1;
        });
        var repo = await fixture.NewTableAsync(db, "backpressure");
        long pulled = 0;
        var aheadAtReports = new List<long>();

        var result = await repo.AddAsync(Rows(1000), new SynchronousProgress(p => aheadAtReports.Add(Interlocked.Read(ref pulled) - p.RowsWritten)), Ct);

        Assert.Equal(1000, result.RowsInserted);
        Assert.Equal(20, aheadAtReports.Count);
        Assert.All(aheadAtReports, ahead => Assert.InRange(ahead, 0, ((2 * 1) + 3) * 50));

        async IAsyncEnumerable<Note> Rows(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                Interlocked.Increment(ref pulled);
                yield return Note.Make(i);
            }
        }
    }

    [Fact]
    public async Task A_source_that_fails_part_way_leaves_the_whole_batches_before_it_and_surfaces_its_own_error()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 100);
        var repo = await fixture.NewTableAsync(db, "sourcefail");

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(Rows(), cancellationToken: Ct));
        var error = Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Equal(200, failure.ResumePosition);

        Assert.Equal("the source broke", error.Message);
        Assert.Equal(200, await repo.CountAsync(cancellationToken: Ct));

        static async IAsyncEnumerable<Note> Rows()
        {
            for (var i = 0; i < 250; i++)
            {
                await Task.Yield();
                yield return Note.Make(i);
            }

            throw new InvalidOperationException("the source broke");
        }
    }

    [Fact]
    public async Task An_embedding_error_stops_the_write_after_the_batches_before_it_and_a_replay_completes_it()
    {
        var generator = new RecordingGenerator { Poison = "poison" };
        using var db = await fixture.ConnectAsync(
            o => o.WriteBatchSize = 100,
            new EmbeddingRegistry().Register(HashingEmbeddingGenerator.Name, generator, HashingEmbeddingGenerator.Dimensions));
        var repo = await fixture.NewTableAsync(db, "embedfail");
        var rows = Enumerable.Range(0, 500).Select(i => Note.Make(i, i == 250 ? "poison" : null)).ToArray();

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => repo.AddAsync(rows, cancellationToken: Ct));
        var embedding = Assert.IsType<EmbeddingFailedException>(failure.InnerException);
        var error = Assert.IsType<InvalidOperationException>(embedding.InnerException);
        Assert.Equal(200, failure.ResumePosition);

        Assert.Equal((HashingEmbeddingGenerator.Name, "notes"), (embedding.Function, embedding.Table));
        Assert.Contains("poison", error.Message);
        Assert.Equal(200, await repo.CountAsync(cancellationToken: Ct));

        generator.Poison = null;
        var replay = await repo.AddAsync(rows, cancellationToken: Ct);
        Assert.Equal(300, replay.RowsInserted);
        Assert.Equal(500, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_pipeline_depth_that_is_not_positive_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.ConnectAsync(o => o.WritePipelineDepth = 0));

        Assert.Contains("WritePipelineDepth", error.Message);
    }

    private sealed class RecordingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly HashingEmbeddingGenerator _inner = new(HashingEmbeddingGenerator.Dimensions);

        public ConcurrentQueue<long> CallStarts { get; } = new();

        public string? Poison { get; set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            CallStarts.Enqueue(Stopwatch.GetTimestamp());
            var texts = values.ToList();
            if (Poison is { } poison && texts.Contains(poison))
            {
                throw new InvalidOperationException($"The model cannot embed '{poison}'.");
            }

            return _inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Delays every merge_insert request (the upload stage) by a fixed time.</summary>
    private sealed class SlowWritesHandler(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.Contains("merge_insert", StringComparison.Ordinal) == true)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SynchronousProgress(Action<WriteProgress> report) : IProgress<WriteProgress>
    {
        public void Report(WriteProgress value) => report(value);
    }
}
