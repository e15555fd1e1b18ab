namespace LanceOrm;

/// <summary>The statistics of one index (<see cref="LanceRepository{T, TKey}.GetIndexStatisticsAsync"/>).</summary>
/// <param name="IndexName">The index name.</param>
/// <param name="NumIndexedRows">Rows the index covers.</param>
/// <param name="NumUnindexedRows">Rows written since the index was built (searched by a flat scan until it is updated).</param>
/// <param name="IndexType">The wire type name (for example <c>IVF_PQ</c>, <c>BTREE</c>, <c>FTS</c>), when reported.</param>
/// <param name="DistanceType">The metric of a vector index (for example <c>l2</c>), when reported.</param>
/// <param name="NumIndices">How many index segments make it up, when reported.</param>
public sealed record LanceIndexStatistics(string IndexName, long NumIndexedRows, long NumUnindexedRows, string? IndexType, string? DistanceType, int? NumIndices);
