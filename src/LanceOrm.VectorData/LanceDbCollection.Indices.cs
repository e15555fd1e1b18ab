using LanceOrm.Indexing;
using LanceOrm.Mapping;

namespace LanceOrm.VectorData;

public partial class LanceDbCollection<TKey, TRecord>
{
    /// <summary>The rows a table holds before the vector indices its properties declare are trained (IVF partitions need data).</summary>
    internal const int RowsForVectorIndex = 256;

    private static readonly TimeSpan IndexWait = TimeSpan.FromMinutes(5);
    private volatile bool _vectorIndicesBuilt;

    /// <summary>Creates the missing full-text indices of a new collection (vector indices need rows: see <see cref="BuildVectorIndicesAsync"/>).</summary>
    private Task CreateTextIndicesAsync(CancellationToken cancellationToken) =>
        DeclaredIndices.CreateMissingAsync(
            _repository.Table,
            _repository.Map.Indices.Where(i => i is not VectorIndexDeclaration).ToArray(),
            IndexWait,
            _repository.Connection.Time,
            cancellationToken);

    /// <summary>
    /// After a write: once the table holds <see cref="RowsForVectorIndex"/> rows, asks the server to build the vector
    /// indices the record declares (<c>IndexKind.Hnsw</c>, <c>IndexKind.IvfFlat</c>) that it does not have yet, without
    /// waiting for them. Until an index is ready, and for rows added after it, LanceDB searches exhaustively, so results
    /// never depend on it.
    /// </summary>
    private async Task BuildVectorIndicesAsync(CancellationToken cancellationToken)
    {
        if (_vectorIndicesBuilt || !_indicesOnCreate)
        {
            return;
        }

        var declared = _repository.Map.Indices.OfType<VectorIndexDeclaration>().ToArray();
        if (declared.Length == 0 || await _repository.Table.CountRowsAsync(null, cancellationToken).ConfigureAwait(false) < RowsForVectorIndex)
        {
            _vectorIndicesBuilt = declared.Length == 0;
            return;
        }

        await DeclaredIndices.RequestMissingAsync(_repository.Table, declared, cancellationToken).ConfigureAwait(false);
        _vectorIndicesBuilt = true;
    }
}
