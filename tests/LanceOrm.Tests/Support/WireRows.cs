using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using LanceOrm.Protocol;

namespace LanceOrm.Tests.Support;

/// <summary>What the server was sent: the keys of each logical <c>merge_insert</c> call (all attempts of one request id), read back from the recorded Arrow bodies.</summary>
public static class WireRows
{
    public static bool IsMergeInsert(RecordingHandler.Recorded request) => request.Path.EndsWith("/" + Wire.Actions.MergeInsert + "/", StringComparison.Ordinal);

    /// <summary>The keys of each logical merge_insert call, in the order the calls were made.</summary>
    public static async Task<List<string[]>> MergeInsertKeysAsync(RecordingHandler network, string keyColumn)
    {
        var calls = new List<string[]>();
        foreach (var call in network.Requests.Where(IsMergeInsert).GroupBy(r => r.Headers["x-request-id"]))
        {
            using var body = new MemoryStream(call.First().Body!, writable: false);
            using var reader = new ArrowStreamReader(body, new CompressionCodecFactory());
            var keys = new List<string>();
            while (await reader.ReadNextRecordBatchAsync(TestContext.Current.CancellationToken) is { } batch)
            {
                using (batch)
                {
                    var column = (StringArray)batch.Column(keyColumn);
                    for (var i = 0; i < column.Length; i++)
                    {
                        keys.Add(column.GetString(i));
                    }
                }
            }

            calls.Add([.. keys]);
        }

        return calls;
    }

    /// <summary>Every key in the table, sorted.</summary>
    public static async Task<string[]> KeysAsync(LanceRepository<Note, string> notes)
    {
        var hits = await notes.Query().ToListAsync(TestContext.Current.CancellationToken);
        return [.. hits.Select(h => h.Entity.Id).Order(StringComparer.Ordinal)];
    }

    /// <summary>The keys of <c>Note.Make(i)</c> for i in [from, to), sorted.</summary>
    public static string[] NoteKeys(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from)).Select(i => Note.Make(i).Id)];
}
