using System.Diagnostics;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// A 20,000-row upsert under random (seeded) 503s and connection resets, with the official client's retry budget, so that
/// some batches exhaust their attempts: each failed call reports exactly the rows the server holds, and resuming from
/// the reported position ends with exactly the 20,000 rows, no acknowledged batch sent twice.
/// </summary>
public sealed class BulkWriteFaultTests(EmulatorFixture fixture, ITestOutputHelper output)
{
    private const int Rows = 20_000;
    private const int BatchSize = 1_000;
    private const int Seed = 11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_20000_row_upsert_under_random_503s_and_resets_fails_with_the_exact_acknowledged_rows_and_resumes_to_exactly_20000_rows()
    {
        var random = new Random(Seed);
        var faults = new Dictionary<string, int> { ["status=503"] = 0, ["reset"] = 0 };
        var network = new RecordingHandler
        {
            // Decided per attempt on the wire (write batches are sent one after the other, so the sequence is reproducible).
            Fault = (path, _) =>
            {
                if (!path.EndsWith("/merge_insert/", StringComparison.Ordinal))
                {
                    return null;
                }

                var fault = random.NextDouble() switch { < 0.35 => "status=503", < 0.50 => "reset", _ => null };
                if (fault is not null)
                {
                    faults[fault]++;
                }

                return fault;
            },
        };
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = BatchSize, handler: network); // default budget: 3 per failure kind
        var notes = await fixture.NewTableAsync(db, "bulkfault");
        var rows = Enumerable.Range(0, Rows).Select(i => Note.Make(i)).ToArray();
        var watch = Stopwatch.StartNew();

        var position = 0L;
        var failedAt = new List<long>();
        var results = new List<WriteResult>();
        while (true)
        {
            try
            {
                results.Add(await notes.UpsertAsync(rows.Skip((int)position), cancellationToken: Ct));
                break;
            }
            catch (WriteFailedException failure)
            {
                Assert.IsType<RetryLimitExceededException>(failure.InnerException);
                Assert.Equal(failure.RowsAcknowledged, failure.ResumePosition);
                Assert.Equal(0, failure.ResumePosition % BatchSize);
                results.Add(failure.Result);
                position += failure.ResumePosition;
                failedAt.Add(position);
                Assert.Equal(WireRows.NoteKeys(0, position), await WireRows.KeysAsync(notes)); // exactly the acknowledged rows
                Assert.True(failedAt.Count < 20, "the write makes no progress");
            }
        }

        output.WriteLine($"{Rows} rows in batches of {BatchSize}: {faults["status=503"]} 503s and {faults["reset"]} resets injected, {failedAt.Count} failed call(s) (at source positions {string.Join(", ", failedAt)}), {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.NotEmpty(failedAt);
        Assert.All(faults.Values, n => Assert.True(n > 0));
        Assert.Equal(Rows, await notes.CountAsync(cancellationToken: Ct));
        Assert.Equal(WireRows.NoteKeys(0, Rows), await WireRows.KeysAsync(notes));
        Assert.Equal(Rows, results.Sum(r => r.RowsSent));
        Assert.Equal(Rows, results.Sum(r => r.RowsInserted));
        Assert.Equal(Rows, results.Sum(r => r.VectorsComputed + r.VectorsFromCache));

        // What the server was sent: each batch in one logical call, except the batch a failed call gave up on, sent once
        // more by the resumed call; an acknowledged batch is never sent again.
        var calls = await WireRows.MergeInsertKeysAsync(network, notes.Map.Key.ColumnName);
        Assert.Equal(Rows / BatchSize + failedAt.Count, calls.Count);
        var expectedFirstKeys = Enumerable.Range(0, Rows / BatchSize).Select(b => (long)b * BatchSize).Concat(failedAt).Order().Select(i => Note.Make((int)i).Id);
        Assert.Equal(expectedFirstKeys, calls.Select(keys => keys[0]));
        Assert.All(calls, keys => Assert.Equal(BatchSize, keys.Length));
        var timesSent = calls.SelectMany(keys => keys).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Rows, timesSent.Count);
        Assert.Equal(failedAt.Count * BatchSize, timesSent.Values.Count(n => n == 2));
        Assert.All(timesSent.Values, n => Assert.InRange(n, 1, 2));
    }
}
