namespace LanceOrm;

/// <summary>Index statistics and drop.</summary>
public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>The statistics of an index, or <c>null</c> when the table has no index of that name (as the official client).</summary>
    public async Task<LanceIndexStatistics?> GetIndexStatisticsAsync(string indexName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        var stats = await _table.IndexStatsAsync(indexName, cancellationToken).ConfigureAwait(false);
        return stats is null ? null : new LanceIndexStatistics(indexName, stats.NumIndexedRows, stats.NumUnindexedRows, stats.IndexType, stats.DistanceType, stats.NumIndices);
    }

    /// <summary>Drops an index (the rows stay; searches on the column scan until an index is created again).</summary>
    /// <exception cref="IndexNotFoundException">The table has no index of that name.</exception>
    public Task DropIndexAsync(string indexName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        return _table.DropIndexAsync(indexName, cancellationToken);
    }
}
