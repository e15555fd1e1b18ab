using LanceOrm.Samples;
using System.Diagnostics;
using LanceOrm;
using LanceOrm.Embeddings;
using Spectre.Console;

namespace Quickstart;

public static class QuickstartApp
{
    private const int BatchSize = 50;

    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]LanceOrm quickstart[/]").LeftJustified());
        var articles = await Corpus.LoadAsync(Corpus.DefaultPath, cancellationToken);

        using var registry = new EmbeddingRegistry();
        await using var backend = await StartAsync(registry, cancellationToken);
        backend.Options.WriteBatchSize = BatchSize;
        using var db = new LanceDbConnection(backend.Options, registry);

        var repository = db.Articles();
        await repository.CreateTableAsync(CreateMode.ExistOk, cancellationToken);
        await IngestAsync(repository, articles, cancellationToken);

        var total = await repository.CountAsync(cancellationToken: cancellationToken);
        AnsiConsole.MarkupLine($"Table [bold]{repository.TableName}[/] holds [bold]{total}[/] rows.");

        foreach (var query in DemoQueries.All)
        {
            await SearchAsync(repository, query, cancellationToken);
        }

        if (backend.IsEmulator)
        {
            AnsiConsole.MarkupLine("[grey]Stopping the emulator and deleting its temporary data.[/]");
        }
    }

    /// <summary>Loads the model and starts (or reaches) the server at the same time; a model failure stops the emulator.</summary>
    private static async Task<Backend> StartAsync(EmbeddingRegistry registry, CancellationToken cancellationToken)
    {
        return await AnsiConsole.Status().StartAsync("Loading all-MiniLM-L6-v2 and starting the server...", async _ =>
        {
            var clock = Stopwatch.StartNew();
            var model = Task.Run(() => WarmUpAsync(registry, cancellationToken), cancellationToken);
            var backend = Backend.StartAsync("quickstart", cancellationToken);
            try
            {
                await Task.WhenAll(model, backend); // completes when both have; rethrows the model's failure first
            }
            catch
            {
                if (backend.IsCompletedSuccessfully)
                {
                    await backend.Result.DisposeAsync();
                }

                throw;
            }

            AnsiConsole.MarkupLine($"Model loaded and server ready in {clock.Elapsed.TotalSeconds:0.0} s: {Markup.Escape(backend.Result.Description)}");
            return backend.Result;
        });
    }

    private static async Task WarmUpAsync(EmbeddingRegistry registry, CancellationToken cancellationToken)
    {
        var minilm = registry.Get("minilm");
        var vector = new float[minilm.Dimensions];
        await minilm.EmbedAsync(["warm-up"], vector, cancellationToken);
    }

    private static async Task IngestAsync(ArticleRepository repository, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        WriteResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Embedding and uploading {articles.Count} articles", maxValue: articles.Count);
                var progress = new SyncProgress<WriteProgress>(p =>
                {
                    task.Value = p.RowsWritten;
                    task.Description = $"Embedded {p.VectorsComputed} (+{p.VectorsFromCache} cached), uploaded {p.RowsWritten} of {articles.Count} ({p.Batches} batches)";
                });

                // Upsert (merge_insert on the key): running the sample again against the same table adds no duplicates.
                result = await repository.UpsertAsync(articles, progress, cancellationToken);
                task.Value = articles.Count;
            });

        var seconds = clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLine(
            $"Upserted [bold]{result!.RowsSent}[/] rows ({result.RowsInserted} new, {result.RowsUpdated} updated, {result.VectorsComputed} embedded locally, {result.VectorsFromCache} from the cache) " +
            $"in {seconds:0.0} s ({result.RowsSent / seconds:0} rows/s).");
    }

    private static async Task SearchAsync(ArticleRepository repository, DemoQuery query, CancellationToken cancellationToken)
    {
        var search = repository.Search(x => x.Body, query.Text)
            .Select(x => new { x.Id, x.Title, x.Category, x.Year })
            .DistanceType(DistanceType.Cosine)
            .Limit(5);
        if (query.Filter is not null)
        {
            search = search.Where(query.Filter);
        }

        var clock = Stopwatch.StartNew();
        var hits = await search.ToListAsync(cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]\"{Markup.Escape(query.Text)}\"[/]" + (query.FilterText is null ? "" : $"  [grey]Where({Markup.Escape(query.FilterText)})[/]"))
            .Caption($"[grey]{hits.Count} hits in {elapsed:0} ms (embedding the query + search), cosine distance[/]")
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(new TableColumn("distance").RightAligned())
            .AddColumn("title")
            .AddColumn("category")
            .AddColumn(new TableColumn("year").RightAligned());
        var rank = 0;
        foreach (var hit in hits)
        {
            table.AddRow(
                (++rank).ToString(System.Globalization.CultureInfo.InvariantCulture),
                hit.Distance?.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(hit.Entity.Title),
                Markup.Escape(hit.Entity.Category),
                hit.Entity.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(table);
    }
}
