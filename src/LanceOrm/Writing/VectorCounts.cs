namespace LanceOrm.Writing;

/// <summary>Where the vectors of one batch came from: computed by the model, taken from the cache, or carried by the rows; and the texts the model truncated.</summary>
internal readonly record struct VectorCounts(int Computed, int FromCache, int Supplied, int Truncated)
{
    /// <summary>
    /// The share of <paramref name="rows"/> of this batch's <paramref name="total"/> rows, when the batch is split into
    /// requests (which vector of a batch came from where is not kept per row): each kind in proportion, with
    /// Computed + FromCache + Supplied = <paramref name="rows"/> × <paramref name="embeddings"/> exactly, so totals over
    /// acknowledged requests keep <see cref="WriteResult"/>'s sum; the shares of all parts add up to the batch's counts.
    /// </summary>
    public VectorCounts Share(int rows, int total, int embeddings)
    {
        if (rows >= total)
        {
            return this;
        }

        var need = rows * embeddings;
        var supplied = (int)((long)Supplied * rows / total);
        var cached = (int)((long)FromCache * rows / total);
        var computed = need - supplied - cached;
        if (computed > Computed)
        {
            var extra = computed - Computed;
            computed = Computed;
            var toCache = Math.Min(extra, FromCache - cached);
            cached += toCache;
            supplied += extra - toCache;
        }

        return new VectorCounts(computed, cached, supplied, (int)((long)Truncated * rows / total));
    }

    public static VectorCounts operator -(VectorCounts a, VectorCounts b) =>
        new(a.Computed - b.Computed, a.FromCache - b.FromCache, a.Supplied - b.Supplied, a.Truncated - b.Truncated);
}
