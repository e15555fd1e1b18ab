namespace LanceOrm.Embeddings;

/// <summary>
/// Where the vectors of one embedding call came from: <see cref="Computed"/> + <see cref="Cached"/> = the texts given
/// (a text repeated within the call counts once per row). <see cref="Truncated"/> counts the distinct computed texts the
/// model cut to its maximum input length (cached vectors were counted when they were computed).
/// </summary>
internal readonly record struct EmbeddingCounts(int Computed, int Cached, int Truncated);
