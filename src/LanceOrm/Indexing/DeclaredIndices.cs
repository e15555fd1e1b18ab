using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Indexing;

/// <summary>
/// Creates the indices an entity declares that the table does not have yet, and waits for the ones it created.
/// An index counts as present when the table has one of that name, or one of the same family (vector, scalar,
/// full-text) on the same column: it is kept as it is, never replaced.
/// </summary>
internal static class DeclaredIndices
{
    /// <summary>The names of the indices created by this call (empty when every declared index was there); <paramref name="timeout"/> was checked by the caller.</summary>
    public static async Task<IReadOnlyList<string>> CreateMissingAsync(RemoteTable table, IReadOnlyList<LanceIndexDeclaration> declared, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var created = await RequestMissingAsync(table, declared, cancellationToken).ConfigureAwait(false);
        if (created.Count > 0)
        {
            await IndexWaiter.WaitAsync(table, created, timeout, time, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>Asks the server for the declared indices the table lacks, without waiting for them; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> RequestMissingAsync(RemoteTable table, IReadOnlyList<LanceIndexDeclaration> declared, CancellationToken cancellationToken)
    {
        if (declared.Count == 0)
        {
            return [];
        }

        var existing = await table.ListIndicesAsync(cancellationToken).ConfigureAwait(false);
        var created = new List<string>();
        foreach (var declaration in declared)
        {
            if (existing.Any(e => e.IndexName == declaration.Name || (e.Columns?.Contains(declaration.ColumnName) == true && Wire.FamilyOf(e.IndexType) == Family(declaration))))
            {
                continue;
            }

            await table.CreateIndexAsync(Request(declaration), cancellationToken).ConfigureAwait(false);
            created.Add(declaration.Name);
        }

        return created;
    }

    /// <summary>The create_index request of a declaration.</summary>
    public static CreateIndexRequest Request(LanceIndexDeclaration declaration) => declaration switch
    {
        VectorIndexDeclaration v => new CreateIndexRequest(v.ColumnName, Wire.Name(v.IndexType))
        {
            Name = v.Name,
            MetricType = Wire.Name(v.DistanceType),
            NumPartitions = v.NumPartitions > 0 ? v.NumPartitions : null,
            NumSubVectors = v.NumSubVectors > 0 ? v.NumSubVectors : null,
        },
        ScalarIndexDeclaration s => new CreateIndexRequest(s.ColumnName, Wire.Name(s.IndexType)) { Name = s.Name },
        FullTextIndexDeclaration f => new CreateIndexRequest(f.ColumnName, Wire.FullTextIndexType)
        {
            Name = f.Name,
            WithPosition = f.WithPosition,
            Language = f.Language,
            Stem = f.Stem,
            RemoveStopWords = f.RemoveStopWords,
            LowerCase = f.LowerCase,
            AsciiFolding = f.AsciiFolding,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(declaration), declaration, "Unknown index declaration."),
    };

    private static IndexFamily Family(LanceIndexDeclaration declaration) => declaration switch
    {
        VectorIndexDeclaration => IndexFamily.Vector,
        ScalarIndexDeclaration => IndexFamily.Scalar,
        _ => IndexFamily.FullText,
    };
}
