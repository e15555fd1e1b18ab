namespace LanceOrm;

/// <summary>One result row of a query.</summary>
/// <typeparam name="T">The entity type, or the projected type of a <see cref="LanceQuery{T, TResult}"/>.</typeparam>
/// <param name="Entity">The row: a complete entity, or the selector's value for a projection.</param>
/// <param name="Distance">The vector distance (<c>_distance</c>) for vector and hybrid searches.</param>
/// <param name="Score">The full-text score (<c>_score</c>, BM25) for full-text and hybrid searches.</param>
/// <param name="RelevanceScore">The fused relevance (<c>_relevance_score</c>, reciprocal-rank fusion) for hybrid searches.</param>
/// <param name="RowId">The row id (<c>_rowid</c>) when requested, and always for hybrid searches.</param>
public sealed record SearchHit<T>(T Entity, float? Distance = null, float? Score = null, float? RelevanceScore = null, ulong? RowId = null);
