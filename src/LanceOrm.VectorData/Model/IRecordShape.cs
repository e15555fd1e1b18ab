using System.Linq.Expressions;
using LanceOrm.Mapping;
using LanceOrm.VectorData.Querying;

namespace LanceOrm.VectorData.Model;

/// <summary>
/// What a collection needs to know of its records beyond the mapping: which columns a selector names, how a search
/// input becomes a query vector, and what to do to records before they are written. Built from an MEVD model
/// (<see cref="ModelShape{TRecord}"/>) or from a LanceOrm generated mapping (<see cref="MappedShape{TRecord}"/>).
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal interface IRecordShape<TRecord>
{
    /// <summary>The mapping the repository writes and reads with.</summary>
    ILanceEntityMap<TRecord> Map { get; }

    /// <summary>Whether some vector is generated from an input property (its vectors cannot be read back into the record).</summary>
    bool EmbeddingGenerationRequired { get; }

    /// <summary>The vector searched: the one <paramref name="selector"/> names, else the only one.</summary>
    /// <exception cref="InvalidOperationException">No such vector property, none, or several and none named.</exception>
    SearchTarget Vector(Expression<Func<TRecord, object?>>? selector);

    /// <summary>The full-text-indexed text column: the one <paramref name="selector"/> names, else the only one.</summary>
    /// <exception cref="InvalidOperationException">Not full-text indexed, none, or several and none named.</exception>
    string FullTextColumn(Expression<Func<TRecord, object?>>? selector);

    /// <summary>The data or key column <paramref name="selector"/> names (ordering).</summary>
    string Column(Expression<Func<TRecord, object?>> selector);

    /// <summary>The query vector for a search input: a vector as is, anything else through the property's embedding generator.</summary>
    /// <exception cref="NotSupportedException">The input is not a vector and no generator is configured.</exception>
    /// <exception cref="InvalidOperationException">The configured generator does not take this input type.</exception>
    ValueTask<float[]> QueryVectorAsync<TInput>(SearchTarget target, TInput value, CancellationToken cancellationToken);

    /// <summary>Readies records for writing (generated embeddings, generated keys); returns them as a list.</summary>
    Task<IReadOnlyList<TRecord>> PrepareAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken);

    /// <summary>Forgets what <see cref="PrepareAsync"/> kept for the records.</summary>
    void Release(IReadOnlyList<TRecord> records);
}

/// <summary>A searched vector column.</summary>
/// <param name="Column">The vector column.</param>
/// <param name="Distance">Its distance function on LanceDB's metric.</param>
/// <param name="Source">The shape's own handle (its property model or binding).</param>
internal sealed record SearchTarget(string Column, Distance Distance, object Source);
