using System.Diagnostics;
using LanceOrm;
using LanceOrm.Embeddings;
using LanceOrm.Samples;
using Spectre.Console;

namespace ImageSearch;

/// <summary>
/// Uploads the bundled catalogue to the table <c>products</c> (LanceOrm embeds each photo locally with ResNet-18), then
/// searches it by example picture.
/// </summary>
public static class ImageSearchApp
{
    /// <summary>Runs the sample; false when the near-duplicate's original did not rank first.</summary>
    public static async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]LanceOrm image search[/]").LeftJustified());
        var folder = Catalog.DefaultFolder;
        var catalog = await Catalog.LoadAsync(folder, cancellationToken);
        var products = await LoadProductsAsync(folder, catalog, cancellationToken);
        var queries = await ExampleQueries.CreateAsync(folder, catalog, cancellationToken);

        using var registry = new EmbeddingRegistry();
        await using var backend = await StartAsync(registry, products[0].Photo, cancellationToken);
        using var db = new LanceDbConnection(backend.Options, registry);

        var repository = db.Products();
        await repository.CreateTableAsync(CreateMode.ExistOk, cancellationToken);
        var clock = Stopwatch.StartNew();
        var result = await repository.UpsertAsync(products, cancellationToken: cancellationToken); // merge on the key: reruns add no duplicates
        AnsiConsole.MarkupLine(
            $"Upserted [bold]{result.RowsSent}[/] products ({result.VectorsComputed} photos embedded locally, {result.VectorsFromCache} from the cache) " +
            $"in {clock.Elapsed.TotalSeconds:0.0} s; table [bold]{repository.TableName}[/] holds {await repository.CountAsync(cancellationToken: cancellationToken)} rows.");

        var passed = true;
        foreach (var query in queries)
        {
            var hits = await SearchAsync(repository, query, cancellationToken);
            if (query.ExpectedFirstId is { } expected && (hits.Count == 0 || hits[0].Id != expected))
            {
                AnsiConsole.MarkupLine($"[red]Expected {Markup.Escape(expected)} first, got {Markup.Escape(hits.FirstOrDefault()?.Id ?? "no hits")}.[/]");
                passed = false;
            }
        }

        return passed;
    }

    private static async Task<List<Product>> LoadProductsAsync(string folder, IReadOnlyList<CatalogEntry> catalog, CancellationToken cancellationToken)
    {
        var products = new List<Product>(catalog.Count);
        foreach (var entry in catalog)
        {
            var photo = await File.ReadAllBytesAsync(Path.Combine(folder, entry.File), cancellationToken);
            products.Add(new Product { Id = entry.Id, Title = entry.Title, Family = entry.Family, Photo = photo });
        }

        return products;
    }

    /// <summary>Loads the model (embedding one photo) and starts (or reaches) the server at the same time.</summary>
    private static async Task<Backend> StartAsync(EmbeddingRegistry registry, byte[] warmUpPhoto, CancellationToken cancellationToken)
    {
        return await AnsiConsole.Status().StartAsync("Loading ResNet-18 and starting the server...", async _ =>
        {
            var clock = Stopwatch.StartNew();
            var model = Task.Run(() => WarmUpAsync(registry, warmUpPhoto, cancellationToken), cancellationToken);
            var backend = Backend.StartAsync("image-search", cancellationToken);
            try
            {
                await Task.WhenAll(model, backend);
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

    private static async Task WarmUpAsync(EmbeddingRegistry registry, byte[] photo, CancellationToken cancellationToken)
    {
        var resnet = registry.GetImage("resnet18");
        var vector = new float[resnet.Dimensions];
        await resnet.EmbedAsync([photo], vector, cancellationToken);
    }

    private static async Task<IReadOnlyList<RankedProduct>> SearchAsync(ProductRepository repository, ExampleQuery query, CancellationToken cancellationToken)
    {
        var search = repository.Search(x => x.Photo, query.Image)
            .Select(x => new { x.Id, x.Title, x.Family })
            .DistanceType(DistanceType.Cosine)
            .Limit(5);
        if (query.Filter is not null)
        {
            search = search.Where(query.Filter);
        }

        var clock = Stopwatch.StartNew();
        var hits = await search.ToListAsync(cancellationToken);
        var ranked = hits.Select((hit, i) => new RankedProduct(i + 1, hit.Entity.Id, hit.Entity.Title, hit.Entity.Family, hit.Distance)).ToList();
        ResultTable.Write(query, ranked, clock.Elapsed.TotalMilliseconds);
        return ranked;
    }
}
