using LanceOrm.Protocol;

namespace LanceOrm.VectorData;

/// <summary>Table existence, shared by the store and its collections.</summary>
internal static class Tables
{
    /// <summary>Whether the table exists (a describe that is not found is an answer, not a failure).</summary>
    public static async Task<bool> TableExistsAsync(RemoteTable table, CancellationToken cancellationToken)
    {
        try
        {
            await table.DescribeAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableNotFoundException)
        {
            return false;
        }
    }
}
