using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData;

/// <summary>
/// LanceDB (Cloud / Enterprise remote tables, or the local emulator) as a Microsoft.Extensions.VectorData
/// <see cref="VectorStore"/>: each collection is a table of the connection's database.
/// </summary>
/// <remarks>
/// Data property types: <see cref="string"/>, <see cref="bool"/>, the signed and unsigned integers, <see cref="float"/>,
/// <see cref="double"/>, <see cref="decimal"/> (38, 9), <see cref="DateTime"/> and <see cref="DateTimeOffset"/> (microseconds,
/// UTC), <see cref="DateOnly"/>, <see cref="Guid"/>, <c>byte[]</c>, <c>string[]</c> and <c>List&lt;string&gt;</c>, value types
/// also nullable. <see cref="TimeOnly"/> and other types are refused with <see cref="NotSupportedException"/> when the
/// collection is created.
/// </remarks>
public sealed class LanceDbVectorStore : VectorStore
{
    /// <summary>The <see cref="VectorStoreMetadata.VectorStoreSystemName"/> of LanceDB.</summary>
    internal const string SystemName = "lancedb";

    private readonly LanceDbConnection _connection;
    private readonly LanceDbVectorStoreOptions _options;
    private readonly VectorStoreMetadata _metadata;

    /// <summary>Creates a store over the connection's database.</summary>
    /// <param name="connection">The connection (not owned: disposing the store leaves it open).</param>
    /// <param name="options">The default embedding generator, if any.</param>
    public LanceDbVectorStore(LanceDbConnection connection, LanceDbVectorStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _options = options ?? new LanceDbVectorStoreOptions();
        _metadata = new VectorStoreMetadata { VectorStoreSystemName = SystemName, VectorStoreName = connection.Database };
    }

    /// <inheritdoc />
    [RequiresUnreferencedCode("The record type's properties are found by reflection.")]
    [RequiresDynamicCode("The record type's properties are accessed through reflection.")]
    public override LanceDbCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
    {
        if (typeof(TRecord) == typeof(Dictionary<string, object?>))
        {
            throw new ArgumentException(VectorDataStrings.GetCollectionWithDictionaryNotSupported);
        }

        return new LanceDbCollection<TKey, TRecord>(_connection, name, new LanceDbCollectionOptions { Definition = definition, EmbeddingGenerator = _options.EmbeddingGenerator });
    }

    /// <inheritdoc />
    public override LanceDbDynamicCollection GetDynamicCollection(string name, VectorStoreCollectionDefinition definition) =>
        new(_connection, name, new LanceDbCollectionOptions { Definition = definition, EmbeddingGenerator = _options.EmbeddingGenerator });

    /// <inheritdoc />
    public override IAsyncEnumerable<string> ListCollectionNamesAsync(CancellationToken cancellationToken = default) =>
        StoreErrors.Enumerate(_connection.ListAllTablesAsync(cancellationToken: cancellationToken), ex => StoreErrors.Wrap(ex, _metadata, "ListCollectionNames"), cancellationToken);

    /// <inheritdoc />
    public override async Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            return await Tables.TableExistsAsync(_connection.Remote.Table(name), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            throw StoreErrors.Wrap(ex, _metadata, "CollectionExists", name);
        }
    }

    /// <inheritdoc />
    public override async Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            await _connection.DropTableAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (TableNotFoundException)
        {
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            throw StoreErrors.Wrap(ex, _metadata, "EnsureCollectionDeleted", name);
        }
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreMetadata) ? _metadata
            : serviceType == typeof(LanceDbConnection) ? _connection
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"LanceDbVectorStore {{ Connection = {_connection} }}";
}
