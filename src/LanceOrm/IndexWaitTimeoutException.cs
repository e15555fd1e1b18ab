namespace LanceOrm;

/// <summary>
/// Indices were not ready (created, with no unindexed rows) within the time given to
/// <see cref="LanceRepository{T, TKey}.WaitForIndexAsync"/> or <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>
/// (the official client's <c>Timeout</c> error of <c>wait_for_index</c>). The indices keep building on the server.
/// </summary>
public sealed class IndexWaitTimeoutException(string tableName, IReadOnlyList<string> indexNames, TimeSpan timeout, string message)
    : LanceDbException(message)
{
    /// <summary>The table's name.</summary>
    public string TableName { get; } = tableName;

    /// <summary>The indices that were still missing or building when the time ran out.</summary>
    public IReadOnlyList<string> IndexNames { get; } = indexNames;

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
