namespace LanceOrm;

/// <summary>Progress of a write, reported after each request the server acknowledged (totals so far, as in <see cref="WriteResult"/>; a multipart append counts staged rows, committed at its end).</summary>
/// <param name="RowsWritten">Rows sent and acknowledged so far; also the source index of the first row not yet acknowledged.</param>
/// <param name="VectorsComputed">Vectors the embedding model computed so far.</param>
/// <param name="VectorsFromCache">Vectors taken from the embedding cache so far.</param>
/// <param name="VectorsSupplied">Vectors the rows carried themselves so far.</param>
/// <param name="TextsTruncated">Computed texts cut to the model's maximum input length so far.</param>
/// <param name="Batches">Requests acknowledged so far (wire batches, or their parts when a batch was split to fit the request body limit).</param>
public readonly record struct WriteProgress(long RowsWritten, long VectorsComputed, long VectorsFromCache, long VectorsSupplied, long TextsTruncated, int Batches);
