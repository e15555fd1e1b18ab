using System.Linq.Expressions;
using LanceOrm.Mapping;
using LanceOrm.Querying;
using LanceOrm.Writing;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// Computes again, with the embedding function registered under its name <em>now</em>, the vector of every row that
    /// has text for <paramref name="property"/> (or for every <see cref="EmbedAttribute"/> property when it is null), and
    /// writes the vectors back: after switching the generator registered under a name (a local prototype model to a
    /// remote one, say), the stored vectors are those of the new model, comparable with its query vectors again.
    /// <para>
    /// The rows are read page by page (<see cref="LanceDbOptions.WriteBatchSize"/> rows) from the version the call starts
    /// at, so paging is stable while others write, and each page is written back as <see cref="MigrateAsync"/> writes
    /// the vectors it computes: a conditional <c>merge_insert</c> that updates only rows still holding the text that was
    /// read and inserts none, so a row changed or deleted meanwhile keeps what its writer left. Texts go through the
    /// function's cache and batching: bump the function's <c>version</c> (or model id) when the model changes, or the
    /// cache hands back the old model's vectors.
    /// </para>
    /// <para>
    /// Idempotent: running it again (after an interruption, say) recomputes the same vectors, from the cache for texts
    /// this process embedded already. The table's <c>embedding_functions</c> schema metadata is not changed: the REST
    /// protocol has no call that replaces schema-level metadata (it names the function, which keeps its name).
    /// </para>
    /// </summary>
    /// <param name="property">The <see cref="EmbedAttribute"/> property to re-embed, or null for all of them.</param>
    /// <param name="progress">Told after each acknowledged request, with totals over the whole call.</param>
    /// <param name="cancellationToken">Stops the call (pages already written stay written; run it again to finish).</param>
    /// <returns>The totals over every page: rows sent, rows the server updated, vectors computed and taken from the cache.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not an <see cref="EmbedAttribute"/> property.</exception>
    /// <exception cref="InvalidOperationException">The entity has no <see cref="EmbedAttribute"/> property, or a function is not registered or has another dimension.</exception>
    /// <exception cref="WriteFailedException">A page could not be written (an <see cref="EmbeddingFailedException"/> cause when the function failed); the pages before it are written.</exception>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    public async Task<WriteResult> ReembedAsync(
        Expression<Func<T, string>>? property = null,
        IProgress<WriteProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<EmbeddingBinding<T>> bindings = property is null ? Map.Embeddings : [BindingOf(property, "re-embedded")];
        if (bindings.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no [Embed] property: table '{TableName}' has no vectors to re-embed.");
        }

        RowEmbedder.ResolveAll(bindings, Connection.Embeddings);

        var snapshot = await AtVersionAsync(await GetVersionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var totals = new PagedWriteTotals(progress);
        foreach (var binding in bindings)
        {
            await ReembedColumnAsync(snapshot, binding, totals, cancellationToken).ConfigureAwait(false);
        }

        return totals.Result;
    }

    private async Task ReembedColumnAsync(LanceSnapshot<T, TKey> snapshot, EmbeddingBinding<T> binding, PagedWriteTotals totals, CancellationToken cancellationToken)
    {
        var pageSize = Connection.WriteBatchSize;
        var withText = $"{SqlLiteral.Column(binding.SourceColumn)} IS NOT NULL";
        for (var offset = 0; ; offset += pageSize)
        {
            var hits = await snapshot.Query().WhereSql(withText).Offset(offset).Limit(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (hits.Count > 0)
            {
                var page = await WriteVectorsBackAsync(hits.Select(h => h.Entity).ToArray(), binding, recompute: true, totals.NextPage(), cancellationToken).ConfigureAwait(false);
                totals.Add(page);
            }

            if (hits.Count < pageSize)
            {
                return;
            }
        }
    }
}
