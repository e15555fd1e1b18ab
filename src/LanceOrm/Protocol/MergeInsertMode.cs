namespace LanceOrm.Protocol;

/// <summary>
/// What one <c>merge_insert</c> does with the rows it is sent (protocol §5.7): update the rows whose key matches (only
/// those where <see cref="MatchedFilter"/> holds, when set), insert the others, or both. Every mode is idempotent: a
/// replayed batch leaves the table as the first one did.
/// </summary>
/// <param name="Operation">The name the call has in errors, logs and telemetry.</param>
/// <param name="UpdateMatched">Rows whose key is in the table replace theirs.</param>
/// <param name="InsertNotMatched">Rows whose key is not in the table are inserted.</param>
/// <param name="MatchedFilter">The SQL condition (over <c>target.</c> and <c>source.</c> columns) a matched row must meet to be updated.</param>
internal sealed record MergeInsertMode(string Operation, bool UpdateMatched, bool InsertNotMatched, string? MatchedFilter = null)
{
    /// <summary>Insert rows whose key is absent; leave the others (<c>AddAsync</c>).</summary>
    public static MergeInsertMode Add { get; } = new("add", UpdateMatched: false, InsertNotMatched: true);

    /// <summary>Insert or replace by key (<c>UpsertAsync</c>).</summary>
    public static MergeInsertMode Upsert { get; } = new("upsert", UpdateMatched: true, InsertNotMatched: true);

    /// <summary>Replace only the rows that are still there and still meet <paramref name="condition"/>; never insert.</summary>
    public static MergeInsertMode UpdateWhere(string condition) => new("update_rows", UpdateMatched: true, InsertNotMatched: false, condition);
}
