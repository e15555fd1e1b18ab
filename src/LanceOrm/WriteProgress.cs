namespace LanceOrm;

/// <summary>Progress of a write, reported after each batch the server accepted.</summary>
/// <param name="RowsWritten">Rows sent and acknowledged so far.</param>
/// <param name="RowsEmbedded">Rows whose vectors were computed locally so far (rows that carried vectors are not counted).</param>
/// <param name="Batches">Batches acknowledged so far.</param>
public readonly record struct WriteProgress(long RowsWritten, long RowsEmbedded, int Batches);
