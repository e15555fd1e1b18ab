namespace LanceOrm.Writing;

/// <summary>Where the vectors of one batch came from: computed by the model, taken from the cache, or carried by the rows; and the texts the model truncated.</summary>
internal readonly record struct VectorCounts(int Computed, int FromCache, int Supplied, int Truncated);
