using LanceOrm.VectorData.Tests.Support;

namespace LanceOrm.VectorData.Tests;

/// <summary>
/// A filter means what the C# means: random filters over typed and dynamic records select, on the server, exactly the
/// rows LINQ-to-objects selects from the same records (nulls, NaN, -0, quotes and LIKE wildcards included).
/// </summary>
public sealed class FilterDifferentialTests(EmulatorFixture emulator)
{
    private const int Rows = 300;
    private const int Filters = 300;

    [Fact]
    public async Task Random_filters_over_typed_and_dynamic_records_select_what_LINQ_to_objects_selects()
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(20261127);
        var rows = FilterRecord.Generate(Rows, random);
        using var connection = emulator.Connect();
        using var store = new LanceDbVectorStore(connection);
        var typed = store.GetCollection<int, FilterRecord>("filters");
        await typed.EnsureCollectionExistsAsync(ct);
        await typed.UpsertAsync(rows, ct);
        var dynamic = store.GetDynamicCollection("filters", FilterRecord.Definition);

        var generator = new FilterExpressions(random);
        var nonEmpty = 0;
        for (var i = 0; i < Filters; i++)
        {
            var filter = generator.Next();
            var expected = rows.Where(filter.Compile()).Select(r => r.Key).Order().ToArray();
            var fromTyped = (await typed.GetAsync(filter, Rows, cancellationToken: ct).ToListAsync(ct)).Select(r => r.Key).Order().ToArray();
            var fromDynamic = (await dynamic.GetAsync(FilterExpressions.ToDynamic(filter), Rows, cancellationToken: ct).ToListAsync(ct)).Select(r => (int)r["Key"]!).Order().ToArray();

            Assert.True(expected.SequenceEqual(fromTyped), $"Typed filter {filter}: LINQ {expected.Length} rows, LanceDB {fromTyped.Length}.");
            Assert.True(expected.SequenceEqual(fromDynamic), $"Dynamic filter {filter}: LINQ {expected.Length} rows, LanceDB {fromDynamic.Length}.");
            nonEmpty += expected.Length is > 0 and < Rows ? 1 : 0;
        }

        Assert.True(nonEmpty > Filters / 3, $"Only {nonEmpty} of {Filters} filters selected some but not all rows.");
        TestContext.Current.SendDiagnosticMessage($"VectorData filters: {Filters} random filters x {Rows} rows, typed and dynamic, agree with LINQ-to-objects ({nonEmpty} selective).");
    }
}
