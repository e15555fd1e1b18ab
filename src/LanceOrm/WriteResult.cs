namespace LanceOrm;

/// <summary>The outcome of a write, summed over its batches as the server reported them.</summary>
/// <param name="RowsSent">Rows sent.</param>
/// <param name="RowsInserted">Rows the server inserted.</param>
/// <param name="RowsUpdated">Rows the server updated (upserts).</param>
/// <param name="RowsEmbedded">Rows embedded locally.</param>
/// <param name="Version">The table version after the last batch (0 when the server does not report it).</param>
public sealed record WriteResult(long RowsSent, long RowsInserted, long RowsUpdated, long RowsEmbedded, long Version);
