using LanceOrm.Migration;
using LanceOrm.Protocol;
using LanceOrm.Querying;
using LanceOrm.Writing;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// A dry run of <see cref="MigrateAsync"/>: compares the entity's generated schema with the table's and lists the
    /// steps that would bring the table to the entity, each safe or not, allowed or refused under
    /// <paramref name="options"/>. Changes nothing (it describes the table and counts the rows that need vectors).
    /// </summary>
    /// <param name="options">The caller's opt-ins (none by default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan; <see cref="LanceMigrationPlan.ToString"/> prints it.</returns>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    /// <exception cref="ArgumentException">An <see cref="LanceMigrationOptions.Rename"/> does not fit the table.</exception>
    public Task<LanceMigrationPlan> PlanMigrationAsync(LanceMigrationOptions? options = null, CancellationToken cancellationToken = default) =>
        MigrationPlanner.PlanAsync(_table, Map, options ?? new LanceMigrationOptions(), cancellationToken);

    /// <summary>
    /// Brings the table's schema to the entity's: plans as <see cref="PlanMigrationAsync"/>, then, when every step is
    /// allowed, renames, drops, alters and adds columns (one request each), checks the schema as <see cref="OpenAsync"/>,
    /// and computes locally the vectors of new <see cref="EmbedAttribute"/> properties from the rows' text, page by page
    /// (each page read, embedded and upserted as a write would; rows without text keep a null vector until written with text).
    /// Safe steps run without asking; each unsafe one needs its opt-in in <paramref name="options"/>. Running it again
    /// after an interruption finishes the work (a plan only lists what is still to do).
    /// </summary>
    /// <param name="options">The caller's opt-ins for unsafe steps, and the page size of vector computation.</param>
    /// <param name="cancellationToken">Cancels the migration (steps already applied stay applied; run it again to finish).</param>
    /// <returns>The plan that was applied (empty when the table already matched).</returns>
    /// <exception cref="MigrationRefusedException">An unsafe step is not allowed; nothing was changed.</exception>
    /// <exception cref="TableNotFoundException">No such table.</exception>
    /// <exception cref="InvalidRequestException">The server rejected a step (a cast across type families, an invalid default).</exception>
    public async Task<LanceMigrationPlan> MigrateAsync(LanceMigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LanceMigrationOptions();
        var plan = await PlanMigrationAsync(options, cancellationToken).ConfigureAwait(false);
        if (!plan.CanApply)
        {
            throw new MigrationRefusedException(plan);
        }

        await ChangedSchemaAsync(ApplySchemaStepsAsync(plan.Steps, cancellationToken)).ConfigureAwait(false);
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var pageSize = options.PageSize ?? Connection.WriteBatchSize;
        foreach (var step in plan.Steps.Where(s => s.EmbeddedProperty is not null))
        {
            await ComputeVectorsAsync(Map.Embeddings.First(b => b.SourcePropertyName == step.EmbeddedProperty), pageSize, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    private async Task<long> ApplySchemaStepsAsync(IReadOnlyList<LanceMigrationStep> steps, CancellationToken cancellationToken)
    {
        var version = 0L;
        var renames = steps.Where(s => s.Kind == LanceMigrationStepKind.RenameColumn).Select(s => new ColumnAlterationBody(s.PreviousName!) { Rename = s.Column }).ToArray();
        if (renames.Length > 0)
        {
            version = await _table.AlterColumnsAsync(renames, cancellationToken).ConfigureAwait(false);
        }

        var drops = steps.Where(s => s.Kind is LanceMigrationStepKind.DropColumn or LanceMigrationStepKind.RecreateVectorColumn).Select(s => s.Column).ToArray();
        if (drops.Length > 0)
        {
            version = await _table.DropColumnsAsync(drops, cancellationToken).ConfigureAwait(false);
        }

        var alterations = steps
            .Where(s => s.Kind is LanceMigrationStepKind.WidenType or LanceMigrationStepKind.ChangeType or LanceMigrationStepKind.RelaxNullability)
            .GroupBy(s => s.Column, StringComparer.Ordinal)
            .Select(g => new ColumnAlterationBody(g.Key)
            {
                Nullable = g.Any(s => s.Kind == LanceMigrationStepKind.RelaxNullability) ? true : null,
                DataType = g.FirstOrDefault(s => s.Kind != LanceMigrationStepKind.RelaxNullability)?.Type is { } type ? ArrowTypeNames.ToJson(type) : null,
            })
            .ToArray();
        if (alterations.Length > 0)
        {
            version = await _table.AlterColumnsAsync(alterations, cancellationToken).ConfigureAwait(false);
        }

        var additions = steps.Where(s => s.Expression is not null).Select(s => new NewColumnBody(s.Column, s.Expression!)).ToArray();
        if (additions.Length > 0)
        {
            version = await _table.AddColumnsAsync(additions, cancellationToken).ConfigureAwait(false);
        }

        return version;
    }

    /// <summary>
    /// Reads, page by page, the rows that have text but no vector for <paramref name="binding"/>, and writes them back: the
    /// write pipeline embeds them locally, and the server updates a row only if it still has no vector and the same text
    /// (so a concurrent write or delete is never undone). Each page leaves the filter, so the loop ends; it stops with an error if the
    /// rows do not get their vectors (more pages than the rows counted at the start need).
    /// </summary>
    private async Task ComputeVectorsAsync(Mapping.EmbeddingBinding<T> binding, int pageSize, CancellationToken cancellationToken)
    {
        var filter = $"{SqlLiteral.Column(binding.VectorColumn)} IS NULL AND {SqlLiteral.Column(binding.SourceColumn)} IS NOT NULL";
        var remaining = await _table.CountRowsAsync(filter, cancellationToken).ConfigureAwait(false);
        var pages = (remaining / pageSize) + 2;
        for (var page = 0L; ; page++)
        {
            var hits = await Query().WhereSql(filter).Limit(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (hits.Count == 0)
            {
                return;
            }

            if (page >= pages)
            {
                throw new LanceDbException(
                    $"Computing the vectors of column '{binding.VectorColumn}' of table '{TableName}' did not finish: rows still lack a vector after {pages} page(s) for {remaining} row(s). Run the migration again.");
            }

            await WriteVectorsBackAsync(hits.Select(h => h.Entity).ToArray(), binding, recompute: false, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes back the vectors of <paramref name="binding"/> for rows that were read from the table, embedded locally by the
    /// write pipeline. Only rows that still hold the text that was read (and, unless <paramref name="recompute"/>, still lack
    /// the vector) are updated, and none is inserted: a row another writer changed or deleted meanwhile keeps what that
    /// writer left. With <paramref name="recompute"/> every row's vector is computed again, whatever the row carries
    /// (<see cref="ReembedAsync"/>); otherwise as by a write (<see cref="MigrateAsync"/>).
    /// </summary>
    private async Task<WriteResult> WriteVectorsBackAsync(
        T[] rows, Mapping.EmbeddingBinding<T> binding, bool recompute, IProgress<WriteProgress>? progress, CancellationToken cancellationToken)
    {
        var textAsRead = $"target.{SqlLiteral.Column(binding.SourceColumn)} = source.{SqlLiteral.Column(binding.SourceColumn)}";
        var stillAsRead = recompute ? textAsRead : $"target.{SqlLiteral.Column(binding.VectorColumn)} IS NULL AND {textAsRead}";
        RowValidator<T>.CheckCollection(Map, rows, Connection.WriteBatchSize);
        await EnsureValidatedAsync(cancellationToken).ConfigureAwait(false);
        var sink = new MergeInsertSink(_table, Map.Key.ColumnName, MergeInsertMode.UpdateWhere(stillAsRead));
        var target = NewWriteTarget() with { Recompute = recompute ? binding : null };
        return await WritePipeline<T>.RunAsync(target, ToAsync(rows), sink, rowsChecked: true, progress, cancellationToken).ConfigureAwait(false);
    }
}
