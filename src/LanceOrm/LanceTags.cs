using LanceOrm.Protocol;

namespace LanceOrm;

/// <summary>
/// The tags of a table (<see cref="LanceRepository{T, TKey}.Tags"/>): names for versions, so a version can be read later
/// by name (<see cref="LanceRepository{T, TKey}.AtTagAsync"/>) and is kept while tagged. Tag names are letters, digits,
/// <c>.</c>, <c>-</c> and <c>_</c> (the server checks). Thread-safe.
/// </summary>
public sealed class LanceTags
{
    private readonly RemoteTable _table;

    internal LanceTags(RemoteTable table) => _table = table;

    /// <summary>Every tag of the table, by name.</summary>
    public async Task<IReadOnlyList<LanceTag>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tags = await _table.ListTagsAsync(cancellationToken).ConfigureAwait(false);
        return tags.Select(t => new LanceTag(t.Key, t.Value.Version)).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The version <paramref name="tag"/> points at.</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public Task<long> GetVersionAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return _table.TagVersionAsync(tag, fresh: true, cancellationToken);
    }

    /// <summary>Tags <paramref name="version"/> as <paramref name="tag"/>.</summary>
    /// <exception cref="TagAlreadyExistsException">The table has a tag of that name.</exception>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    /// <exception cref="InvalidRequestException">The server refused the name.</exception>
    public Task CreateAsync(string tag, long version, CancellationToken cancellationToken = default)
    {
        Check(tag, version);
        return _table.CreateTagAsync(tag, version, cancellationToken);
    }

    /// <summary>Moves <paramref name="tag"/> to <paramref name="version"/>.</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public Task UpdateAsync(string tag, long version, CancellationToken cancellationToken = default)
    {
        Check(tag, version);
        return _table.UpdateTagAsync(tag, version, cancellationToken);
    }

    /// <summary>Deletes <paramref name="tag"/>; the version stays.</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public Task DeleteAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return _table.DeleteTagAsync(tag, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceTags {{ Table = {_table.Name} }}";

    private static void Check(string tag, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
    }
}
