using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// A write that fails says exactly what is durable: in-memory rows are checked before anything is sent; otherwise the
/// whole batches before the failure are written, nothing after, and resuming from the reported position completes it.
/// </summary>
public sealed class WriteFailureTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadRows => ["null row", "null key", "duplicate key", "vector dimension", "null in a non-nullable column"];

    private static Note? Spoil(string kind, Note row) => kind switch
    {
        "null row" => null,
        "null key" => Clone(row, n => n.Id = null!),
        "duplicate key" => Clone(row, n => n.Id = Note.Make(12).Id),
        "vector dimension" => Clone(row, n => n.Vector = new float[5]),
        _ => Clone(row, n => n.Title = null!),
    };

    private static Note Clone(Note row, Action<Note> change)
    {
        change(row);
        return row;
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_at_position_1700_of_2500_in_a_list_is_named_before_anything_is_written(string kind)
    {
        var network = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: network);
        var notes = await fixture.NewTableAsync(db, "badrow");
        var rows = Enumerable.Range(0, 2_500).Select(i => Note.Make(i)).ToList();
        rows[1_700] = Spoil(kind, rows[1_700])!;

        var error = await Assert.ThrowsAsync<InvalidRowException>(() => notes.UpsertAsync(rows, cancellationToken: Ct));

        Assert.Equal(1_700, error.RowIndex);
        Assert.Equal(kind switch { "null row" or "null key" => null, "duplicate key" => Note.Make(12).Id, _ => Note.Make(1_700).Id }, error.Key);
        Assert.StartsWith("Row 1700", error.Message);
        Assert.DoesNotContain(network.Requests, WireRows.IsMergeInsert);
        Assert.Equal(0, await notes.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_streaming_source_that_fails_mid_batch_leaves_exactly_the_whole_batches_before_it_and_resumes_from_its_position()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 1_000);
        var notes = await fixture.NewTableAsync(db, "streamfail");

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => notes.UpsertAsync(Source(3_000, breakAt: 2_500), cancellationToken: Ct));

        Assert.Equal("source broke", failure.InnerException!.Message);
        Assert.Equal((2_000L, 2_000L, 2), (failure.RowsAcknowledged, failure.ResumePosition, failure.Batches));
        Assert.Equal(2_000, failure.Result.RowsInserted);
        Assert.Equal(WireRows.NoteKeys(0, 2_000), await WireRows.KeysAsync(notes));

        var rest = await notes.UpsertAsync(Source(3_000).Skip((int)failure.ResumePosition), cancellationToken: Ct);

        Assert.Equal((1_000L, 1_000L, 0L), (rest.RowsSent, rest.RowsInserted, rest.RowsUpdated));
        Assert.Equal(WireRows.NoteKeys(0, 3_000), await WireRows.KeysAsync(notes));
    }

    [Fact]
    public async Task A_bad_row_in_a_streaming_source_stops_the_write_after_the_batches_before_its_batch()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 1_000);
        var notes = await fixture.NewTableAsync(db, "streambad");

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => notes.AddAsync(Source(2_500, nullTitleAt: 1_700), cancellationToken: Ct));

        var cause = Assert.IsType<InvalidRowException>(failure.InnerException);
        Assert.Equal((1_700L, (object?)Note.Make(1_700).Id), (cause.RowIndex, cause.Key));
        Assert.Contains("Title", cause.Problem);
        Assert.Equal(1_000, failure.ResumePosition);
        Assert.Equal(WireRows.NoteKeys(0, 1_000), await WireRows.KeysAsync(notes));
    }

    [Fact]
    public async Task A_batch_that_exhausts_its_attempts_fails_the_write_with_the_acknowledged_rows_and_resuming_sends_only_the_rest()
    {
        var network = new RecordingHandler();
        var failBatch = 3;
        var calls = 0;
        network.Fault = (path, attempt) =>
        {
            if (!path.EndsWith("/merge_insert/", StringComparison.Ordinal))
            {
                return null;
            }

            calls += attempt == 1 ? 1 : 0;
            return calls == failBatch ? "status=503" : null;
        };
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 1_000, handler: network);
        var notes = await fixture.NewTableAsync(db, "exhaust");
        var rows = Enumerable.Range(0, 5_000).Select(i => Note.Make(i)).ToArray();

        var failure = await Assert.ThrowsAsync<WriteFailedException>(() => notes.UpsertAsync(rows, cancellationToken: Ct));

        var cause = Assert.IsType<RetryLimitExceededException>(failure.InnerException);
        Assert.Equal(3, cause.Attempts); // the official client's default budget
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(cause.RequestId, failure.RequestId);
        Assert.Equal(2_000, failure.ResumePosition);
        Assert.Equal(WireRows.NoteKeys(0, 2_000), await WireRows.KeysAsync(notes));

        failBatch = 0;
        var rest = await notes.UpsertAsync(rows.Skip((int)failure.ResumePosition), cancellationToken: Ct);

        Assert.Equal(3_000, rest.RowsInserted);
        Assert.Equal(WireRows.NoteKeys(0, 5_000), await WireRows.KeysAsync(notes));
        var sent = await WireRows.MergeInsertKeysAsync(network, notes.Map.Key.ColumnName);
        Assert.Equal(["n000000", "n001000", "n002000", "n002000", "n003000", "n004000"], sent.Select(keys => keys[0]));
    }

    [Fact]
    public async Task Write_batches_get_the_larger_write_retry_budget_when_one_is_set()
    {
        var network = new RecordingHandler();
        var calls = 0;
        network.Fault = (path, attempt) =>
        {
            if (!path.EndsWith("/merge_insert/", StringComparison.Ordinal))
            {
                return null;
            }

            calls += attempt == 1 ? 1 : 0;
            return calls == 2 && attempt <= 4 ? "status=503" : null; // 4 failures: beyond the default budget of 3
        };
        using var db = await fixture.ConnectAsync(o => { o.WriteBatchSize = 1_000; o.Retry.WriteRetries = 5; }, handler: network);
        var notes = await fixture.NewTableAsync(db, "budget");

        var result = await notes.AddAsync(Enumerable.Range(0, 3_000).Select(i => Note.Make(i)).ToArray(), cancellationToken: Ct);

        Assert.Equal(3_000, result.RowsInserted);
        Assert.Equal(5, network.Requests.Where(WireRows.IsMergeInsert).Max(r => r.Attempt));
        Assert.Equal(3_000, await notes.CountAsync(cancellationToken: Ct));
    }

    private static async IAsyncEnumerable<Note> Source(int count, int breakAt = -1, int nullTitleAt = -1)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == breakAt)
            {
                throw new InvalidOperationException("source broke");
            }

            await Task.Yield();
            var note = Note.Make(i);
            if (i == nullTitleAt)
            {
                note.Title = null!;
            }

            yield return note;
        }
    }
}
