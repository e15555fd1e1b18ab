using System.Globalization;
using LanceOrm.Protocol;

namespace LanceOrm.Indexing;

/// <summary>
/// Waits until indices are ready, as the official client's <c>wait_for_index</c>: every second, list the table's
/// indices and read the stats of each awaited one; an index is ready when it is listed and its stats report no
/// unindexed rows. Time comes from the connection's <see cref="TimeProvider"/>.
/// </summary>
internal static class IndexWaiter
{
    /// <summary>The official client's poll interval.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The official client's longest wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(2);

    public static void ValidateTimeout(TimeSpan timeout, string parameterName)
    {
        if (timeout < TimeSpan.Zero || timeout > MaxWait)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, $"The wait must be between 0 and {MaxWait.TotalHours.ToString(CultureInfo.InvariantCulture)} hours, as the official client's.");
        }
    }

    public static async Task WaitAsync(RemoteTable table, IReadOnlyCollection<string> indexNames, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ValidateTimeout(timeout, nameof(timeout));
        var started = time.GetTimestamp();
        var pending = indexNames.Distinct(StringComparer.Ordinal).ToList();
        while (true)
        {
            pending = await PendingAsync(table, pending, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                return;
            }

            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new IndexWaitTimeoutException(table.Name, pending, timeout, TimedOut(table.Name, pending, timeout));
            }

            await Task.Delay(left < PollInterval ? left : PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> PendingAsync(RemoteTable table, List<string> awaited, CancellationToken cancellationToken)
    {
        var listed = (await table.ListIndicesAsync(cancellationToken).ConfigureAwait(false)).Select(i => i.IndexName).ToHashSet(StringComparer.Ordinal);
        var pending = new List<string>();
        foreach (var name in awaited)
        {
            if (!listed.Contains(name)
                || await table.IndexStatsAsync(name, cancellationToken).ConfigureAwait(false) is not { NumUnindexedRows: 0 })
            {
                pending.Add(name);
            }
        }

        return pending;
    }

    private static string TimedOut(string table, List<string> pending, TimeSpan timeout) =>
        $"{(pending.Count == 1 ? "Index" : "Indices")} {string.Join(", ", pending.Select(n => $"'{n}'"))} of table '{table}' "
        + $"{(pending.Count == 1 ? "was" : "were")} not ready after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s "
        + "(missing from the index list or still with unindexed rows). The server keeps building; wait again with WaitForIndexAsync and a longer timeout.";
}
