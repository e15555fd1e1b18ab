using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>Each translated filter form runs on the real engine and selects exactly the rows LINQ-to-objects selects.</summary>
public sealed class FilterTests(EmulatorFixture fixture) : IAsyncLifetime
{
    private static readonly Note[] Rows = Enumerable.Range(0, 60).Select(i =>
    {
        var n = Note.Make(i);
        n.Title = (i % 6) switch { 0 => "100% pure", 1 => "under_score", 2 => @"back\slash", 3 => "it's quoted", 4 => "plain text", _ => "50%_off" };
        return n;
    }).ToArray();

    private LanceDbConnection? _db;
    private LanceRepository<Note, string>? _repo;

    public async ValueTask InitializeAsync()
    {
        _db = await fixture.ConnectAsync();
        _repo = await fixture.NewTableAsync(_db, "filters");
        await _repo.AddAsync(Rows, cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _db?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AssertSame(System.Linq.Expressions.Expression<Func<Note, bool>> predicate)
    {
        var expected = Rows.Where(predicate.Compile()).Select(n => n.Id).Order().ToArray();
        var actual = (await _repo!.Query().Where(predicate).ToListAsync(TestContext.Current.CancellationToken)).Select(h => h.Entity.Id).Order().ToArray();
        Assert.True(expected.Length > 0 || predicate.ToString().Contains("absent"), $"the case {predicate} selects no row locally");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Comparisons_and_logical_operators_select_the_same_rows_as_LINQ()
    {
        await AssertSame(x => x.Year >= 2020 && x.Year < 2024);
        await AssertSame(x => x.Year == 2016 || !(x.Published));
        await AssertSame(x => 2018 >= x.Year);
    }

    [Fact]
    public async Task Null_checks_select_the_same_rows_as_LINQ()
    {
        await AssertSame(x => x.Rating == null);
        await AssertSame(x => x.Rating != null && x.Rating > 2);
    }

    [Fact]
    public async Task Enums_booleans_dates_and_timestamps_select_the_same_rows_as_LINQ()
    {
        var since = new DateTime(2020, 1, 2, 6, 0, 0, DateTimeKind.Utc);
        await AssertSame(x => x.Category == Category.Science);
        await AssertSame(x => x.Category != Category.News && x.Published);
        await AssertSame(x => x.CreatedAt > since);
        await AssertSame(x => x.Day <= new DateOnly(2020, 1, 20));
    }

    [Fact]
    public async Task Like_patterns_treat_wildcards_and_backslashes_in_the_value_as_data()
    {
        await AssertSame(x => x.Title.Contains("%"));
        await AssertSame(x => x.Title.Contains("_"));
        await AssertSame(x => x.Title.StartsWith("50%_"));
        await AssertSame(x => x.Title.EndsWith(@"\slash"));
        await AssertSame(x => x.Title.Contains("'s q"));
    }

    [Fact]
    public async Task List_column_membership_selects_the_same_rows_as_LINQ()
    {
        await AssertSame(x => x.Tags.Contains("quad"));
        await AssertSame(x => !x.Tags.Contains("even") && x.Year > 2016);
    }

    [Fact]
    public async Task Collection_contains_selects_the_same_rows_as_LINQ()
    {
        var ids = new[] { "n000001", "n000007", "absent" };
        var categories = new List<Category> { Category.Opinion, Category.Science };
        await AssertSame(x => ids.Contains(x.Id));
        await AssertSame(x => categories.Contains(x.Category) && x.Year > 2019);
    }
}
