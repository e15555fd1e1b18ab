namespace LanceOrm;

/// <summary>
/// The outcome of a write, summed over the batches the server acknowledged. Each row of an entity with embeddings needs
/// one vector per embedded property, and <see cref="VectorsComputed"/> + <see cref="VectorsFromCache"/> +
/// <see cref="VectorsSupplied"/> = <see cref="RowsSent"/> × (embedded properties).
/// </summary>
/// <param name="RowsSent">Rows sent and acknowledged by the server.</param>
/// <param name="RowsInserted">Rows the server inserted.</param>
/// <param name="RowsUpdated">Rows the server updated (upserts).</param>
/// <param name="VectorsComputed">Vectors the embedding model computed during this call (a text repeated within a batch is computed once, counted per row).</param>
/// <param name="VectorsFromCache">Vectors taken from the embedding cache (text embedded before, by this or an earlier call).</param>
/// <param name="VectorsSupplied">Vectors the rows carried themselves and were written as given.</param>
/// <param name="TextsTruncated">Computed texts the model cut to its maximum input length (the MiniLM models: 256 word pieces) before embedding; the vector then reflects the beginning of the text only.</param>
/// <param name="Version">The table version after the last batch (0 when the server does not report it).</param>
public sealed record WriteResult(
    long RowsSent,
    long RowsInserted,
    long RowsUpdated,
    long VectorsComputed,
    long VectorsFromCache,
    long VectorsSupplied,
    long TextsTruncated,
    long Version);
