using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using Apache.Arrow;
using LanceOrm.Protocol;
using LanceOrm.Querying;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Thousands of random filters over every mapped type (nulls, NaN, infinities, extremes, unicode) select on the real
/// engine exactly the rows LINQ-to-objects selects from the same rows.
/// </summary>
public sealed class DifferentialFilterTests(EmulatorFixture fixture, ITestOutputHelper output)
{
    private const int RowCount = 2_000;
    private const int ExpressionCount = 5_000;
    private const int Seed = 20261127;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_filters_select_the_same_rows_on_the_server_as_LINQ_to_objects()
    {
        var clock = Stopwatch.StartNew();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : Seed;
        output.WriteLine($"seed {seed} (DIFFERENTIAL_SEED=<n> runs another)");
        var random = new Random(seed);
        var written = FilterRowFactory.Rows(random, RowCount);

        using var db = await fixture.ConnectAsync();
        var repo = db.FilterRows();
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        await repo.AddAsync(written, cancellationToken: Ct);

        // LINQ runs on the rows as the server returns them, after checking they are the rows written.
        var rows = (await repo.Query().ToListAsync(Ct)).Select(h => h.Entity).OrderBy(r => r.Id).ToArray();
        Assert.Equal(written.Length, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            FilterRowFactory.AssertSameValues(written[i], rows[i]);
        }

        var generator = new FilterGenerator(random);
        var expressions = Enumerable.Range(0, ExpressionCount).Select(_ => generator.Next()).ToArray();
        var translator = new FilterTranslator<FilterRow>(FilterRow.LanceMap);
        var table = db.Remote.Table(FilterRow.LanceMap.TableName);
        var failures = new ConcurrentBag<string>();
        var agree = 0;
        var nonEmpty = 0;

        await Parallel.ForEachAsync(expressions, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (expression, ct) =>
        {
            var expected = rows.Where(expression.Compile()).Select(r => r.Id).ToHashSet();
            string sql;
            try
            {
                sql = translator.Translate(expression);
            }
            catch (NotSupportedException ex)
            {
                failures.Add($"{expression}\n  not translated: {ex.Message}");
                return;
            }

            var actual = await IdsAsync(table, sql, ct);
            var count = await repo.CountAsync(expression, ct);
            if (expected.SetEquals(actual) && count == expected.Count)
            {
                Interlocked.Increment(ref agree);
                if (expected.Count > 0 && expected.Count < rows.Length)
                {
                    Interlocked.Increment(ref nonEmpty);
                }
            }
            else
            {
                var missing = expected.Except(actual).Order().Take(10);
                var extra = actual.Except(expected).Order().Take(10);
                failures.Add($"{expression}\n  SQL: {sql}\n  LINQ {expected.Count} rows, server {actual.Count} rows, count_rows {count}; missing ids [{string.Join(", ", missing)}], extra ids [{string.Join(", ", extra)}]");
            }
        });

        var summary = $"differential filter test, seed {seed}: {ExpressionCount} expressions over {rows.Length} rows, {agree} agree ({100.0 * agree / ExpressionCount:0.##} %); {nonEmpty} select some but not all rows; {clock.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary); // shown in the test command's output (xunit.runner.json: diagnosticMessages)
        Assert.True(failures.IsEmpty, $"{failures.Count} of {ExpressionCount} expressions disagree (seed {seed}):\n" + string.Join("\n", failures.Take(15)));
        Assert.True(nonEmpty > ExpressionCount / 2, $"only {nonEmpty} expressions select a proper subset of the rows");
    }

    [Fact]
    public async Task The_filters_of_the_issue_keep_the_rows_LINQ_keeps_and_typed_literals_work_in_updates()
    {
        FilterRow Row(int id, string? note, int? rank, decimal price, double d) => new() { Id = id, Text = "t", Note = note, Rank = rank, Price = price, Double = d, Tags = [], OptionalFlag = id == 0 ? true : null };
        FilterRow[] rows =
        [
            Row(0, "a", 10, 1234.5m, double.NaN), Row(1, null, null, 1234.500000001m, 0.0), Row(2, "b", 60, 1234.4m, -0.0),
            Row(3, null, 51, 99999999999999999999.999999999m, double.PositiveInfinity), Row(4, "é😀", null, -1m, 1.5),
        ];
        using var db = await fixture.ConnectAsync();
        var repo = db.FilterRows();
        await repo.CreateTableAsync(CreateMode.Create, Ct);
        await repo.AddAsync(rows, cancellationToken: Ct);

        async Task AssertSame(Expression<Func<FilterRow, bool>> predicate, params int[] expected)
        {
            Assert.Equal(expected, rows.Where(predicate.Compile()).Select(r => r.Id).ToArray());
            var hits = await repo.Query().Where(predicate).ToListAsync(Ct);
            Assert.Equal(expected, hits.Select(h => h.Entity.Id).Order().ToArray());
            Assert.Equal(expected.Length, await repo.CountAsync(predicate, Ct));
        }

        await AssertSame(x => x.Note != "a", 1, 2, 3, 4);
        await AssertSame(x => !(x.Rank > 50), 0, 1, 4);
        await AssertSame(x => x.Price > 1234.5m, 1, 3);
        await AssertSame(x => x.Double > 1, 3, 4);
        await AssertSame(x => !(x.Double < 1), 0, 3, 4);
        await AssertSame(x => x.Double == 0, 1, 2);
        var notes = new List<string?> { null, "é😀" };
        await AssertSame(x => notes.Contains(x.Note), 1, 3, 4);

        var updated = await repo.UpdateAsync(x => x.Note != "a", set => set.Set(x => x.Price, 0.000000001m).Set(x => x.Double, double.NaN).Set(x => x.UInt64, ulong.MaxValue), Ct);
        Assert.Equal(4, updated);
        var after = (await repo.Query().ToListAsync(Ct)).Select(h => h.Entity).Where(r => r.Id != 0).ToArray();
        Assert.All(after, r => Assert.Equal((0.000000001m, true, ulong.MaxValue), (r.Price, double.IsNaN(r.Double), r.UInt64)));
    }

    private static async Task<List<int>> IdsAsync(RemoteTable table, string sql, CancellationToken ct)
    {
        var ids = new List<int>();
        var query = new QueryRequest { Filter = sql, Columns = ["id"], K = long.MaxValue };
        await foreach (var batch in table.QueryAsync(query, ct))
        {
            using (batch)
            {
                var column = (Int32Array)batch.Column("id");
                for (var i = 0; i < column.Length; i++)
                {
                    ids.Add(column.GetValue(i)!.Value);
                }
            }
        }

        return ids;
    }
}
