using System.Collections.Concurrent;
using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Querying;

/// <summary>
/// Checks, before a full-text or hybrid search, that the searched columns have a full-text index, so that a missing
/// index is a typed <see cref="IndexNotFoundException"/> naming the call that creates it (the engine would either
/// refuse the query or quietly scan every row). One index list per table and column: a column found indexed is
/// remembered; one without an index is looked up again next time.
/// </summary>
internal sealed class FullTextIndexGuard
{
    private readonly ConcurrentDictionary<string, bool> _indexed = new(StringComparer.Ordinal);

    public async Task EnsureAsync<T>(RemoteTable table, ILanceEntityMap<T> map, IReadOnlyList<string> columns, bool hybrid, CancellationToken cancellationToken)
    {
        if (columns.Count == 0 ? !_indexed.IsEmpty : columns.All(_indexed.ContainsKey))
        {
            return;
        }

        var indices = await table.ListIndicesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var column in indices.Where(i => Wire.FamilyOf(i.IndexType) == IndexFamily.FullText).SelectMany(i => i.Columns ?? []))
        {
            _indexed[column] = true;
        }

        var what = $"{(hybrid ? "Hybrid search" : "Full-text search")} on table '{table.Name}'";
        if (columns.Count == 0 && _indexed.IsEmpty)
        {
            throw new IndexNotFoundException(table.Name, [], ErrorMapper.MissingFullTextIndex(what));
        }

        var missing = columns.Where(c => !_indexed.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            var property = map.Columns.FirstOrDefault(c => c.ColumnName == missing[0])?.PropertyName;
            throw new IndexNotFoundException(table.Name, missing, ErrorMapper.MissingFullTextIndex(what, missing[0], property));
        }
    }
}
