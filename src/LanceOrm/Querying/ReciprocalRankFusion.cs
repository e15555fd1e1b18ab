namespace LanceOrm.Querying;

/// <summary>
/// The official client's default hybrid reranker: each row scores <c>Σ 1 / (rank + K)</c> over the result lists it
/// appears in (rank from 0, K = 60), rows keyed by <c>_rowid</c>; output sorted by that <c>_relevance_score</c>.
/// </summary>
internal static class ReciprocalRankFusion
{
    public const int K = 60;

    public static IReadOnlyList<SearchHit<T>> Fuse<T>(IReadOnlyList<SearchHit<T>> vectorHits, IReadOnlyList<SearchHit<T>> textHits, int limit, int offset)
    {
        var merged = new Dictionary<ulong, (SearchHit<T> Hit, float? Distance, float? Score, double Relevance)>();
        Accumulate(vectorHits, isVector: true);
        Accumulate(textHits, isVector: false);
        return merged.Values
            .OrderByDescending(v => v.Relevance)
            .Skip(offset)
            .Take(limit)
            .Select(v => new SearchHit<T>(v.Hit.Entity, v.Distance, v.Score, (float)v.Relevance, v.Hit.RowId))
            .ToArray();

        void Accumulate(IReadOnlyList<SearchHit<T>> hits, bool isVector)
        {
            for (var rank = 0; rank < hits.Count; rank++)
            {
                var hit = hits[rank];
                var id = hit.RowId ?? throw new LanceDbException("A hybrid search result has no _rowid; the server ignored with_row_id.");
                merged.TryGetValue(id, out var entry);
                entry.Hit ??= hit;
                if (isVector)
                {
                    entry.Distance = hit.Distance;
                }
                else
                {
                    entry.Score = hit.Score;
                }

                entry.Relevance += 1.0 / (rank + K);
                merged[id] = entry;
            }
        }
    }
}
