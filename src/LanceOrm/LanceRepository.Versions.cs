using LanceOrm.Querying;

namespace LanceOrm;

/// <summary>Versions, time travel, tags and restore.</summary>
public abstract partial class LanceRepository<T, TKey>
{
    private LanceTags? _tags;

    /// <summary>The table's tags: names for versions (create, move, delete, list, look up).</summary>
    public LanceTags Tags => _tags ??= new LanceTags(_table);

    /// <summary>Every version of the table, oldest first.</summary>
    public async Task<IReadOnlyList<LanceTableVersion>> ListVersionsAsync(CancellationToken cancellationToken = default)
    {
        var versions = await _table.ListVersionsAsync(cancellationToken).ConfigureAwait(false);
        return versions.Select(v => new LanceTableVersion(v.Version, v.CommittedAt, v.Metadata ?? new Dictionary<string, string>())).ToArray();
    }

    /// <summary>The table's latest version.</summary>
    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) => _table.CurrentVersionAsync(cancellationToken);

    /// <summary>
    /// A read-only view of the table at <paramref name="version"/> (time travel). Checks that the version exists first,
    /// as the official client's <c>checkout</c>.
    /// </summary>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public async Task<LanceSnapshot<T, TKey>> AtVersionAsync(long version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var pinned = await _table.CheckoutAsync(version, cancellationToken).ConfigureAwait(false);
        return new LanceSnapshot<T, TKey>(this, _source with { Table = pinned }, null);
    }

    /// <summary>A read-only view of the table at the version <paramref name="tag"/> points at now.</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public async Task<LanceSnapshot<T, TKey>> AtTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var pinned = await _table.CheckoutTagAsync(tag, cancellationToken).ConfigureAwait(false);
        return new LanceSnapshot<T, TKey>(this, _source with { Table = pinned }, tag);
    }

    /// <summary>
    /// Makes the contents of <paramref name="version"/> the latest: commits a new version equal to it (later versions
    /// stay listed). Reads through this connection afterwards see it; the next write compares the schema again.
    /// </summary>
    /// <returns>The new latest version (0 when the server does not say).</returns>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public async Task<long> RestoreAsync(long version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var restored = await _table.RestoreAsync(version, cancellationToken).ConfigureAwait(false);
        _validation = null;
        return restored;
    }
}
