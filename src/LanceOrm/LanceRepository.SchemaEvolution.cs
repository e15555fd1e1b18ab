using LanceOrm.Protocol;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// Adds columns whose values are SQL expressions evaluated for every existing row (protocol §5.11
    /// <c>add_columns</c>). The table is described first, so a name it already has is refused before anything is sent.
    /// The entity's schema is checked again before the next write.
    /// </summary>
    /// <param name="columns">The new columns (at least one; names distinct).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The table's new version (0 when the server does not say).</returns>
    /// <exception cref="ArgumentException">No column, a blank name or expression, or a name given twice.</exception>
    /// <exception cref="ColumnAlreadyExistsException">The table already has a column of that name.</exception>
    /// <exception cref="InvalidRequestException">The server rejected an expression.</exception>
    public async Task<long> AddColumnsAsync(IEnumerable<LanceNewColumn> columns, CancellationToken cancellationToken = default)
    {
        var list = NonEmpty(columns, nameof(columns));
        foreach (var column in list)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            RequireName(column.Name, nameof(columns));
            if (string.IsNullOrWhiteSpace(column.Expression))
            {
                throw new ArgumentException($"New column '{column.Name}' has no SQL expression.", nameof(columns));
            }
        }

        Distinct(list.Select(c => c.Name), nameof(columns));
        var existing = await ColumnNamesAsync(cancellationToken).ConfigureAwait(false);
        Refuse(list.Select(c => c.Name).Where(existing.Contains), present: true);
        return await ChangedSchemaAsync(_table.AddColumnsAsync([.. list.Select(c => new NewColumnBody(c.Name, c.Expression))], cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Renames columns, changes their nullability or casts them to another type (protocol §5.11 <c>alter_columns</c>).
    /// The table is described first, so an unknown column or a new name that is taken is refused before anything is sent.
    /// The entity's schema is checked again before the next write.
    /// </summary>
    /// <param name="alterations">One change per column (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The table's new version (0 when the server does not say).</returns>
    /// <exception cref="ArgumentException">No alteration, an alteration that changes nothing, a blank name, or a column altered twice.</exception>
    /// <exception cref="ColumnNotFoundException">The table has no such column.</exception>
    /// <exception cref="ColumnAlreadyExistsException">A new name is taken by another column.</exception>
    /// <exception cref="InvalidRequestException">The server rejected a change (a cast across type families, nulls in a column made non-nullable).</exception>
    public async Task<long> AlterColumnsAsync(IEnumerable<LanceColumnAlteration> alterations, CancellationToken cancellationToken = default)
    {
        var list = NonEmpty(alterations, nameof(alterations));
        foreach (var alteration in list)
        {
            ArgumentNullException.ThrowIfNull(alteration, nameof(alterations));
            RequireName(alteration.Column, nameof(alterations));
            if (alteration is { Rename: null, Nullable: null, DataType: null })
            {
                throw new ArgumentException($"The alteration of column '{alteration.Column}' changes nothing: set Rename, Nullable or DataType.", nameof(alterations));
            }

            if (alteration.Rename is not null)
            {
                RequireName(alteration.Rename, nameof(alterations));
            }
        }

        Distinct(list.Select(a => a.Column), nameof(alterations));
        var existing = await ColumnNamesAsync(cancellationToken).ConfigureAwait(false);
        Refuse(list.Select(a => a.Column).Where(c => !existing.Contains(c)), present: false);
        Refuse(list.Where(a => a.Rename is { } name && name != a.Column && existing.Contains(name)).Select(a => a.Rename!), present: true);
        var bodies = list.Select(a => new ColumnAlterationBody(a.Column)
        {
            Rename = a.Rename,
            Nullable = a.Nullable,
            DataType = a.DataType is null ? null : ArrowTypeNames.ToJson(a.DataType.ArrowType),
        }).ToArray();
        return await ChangedSchemaAsync(_table.AlterColumnsAsync(bodies, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops columns (protocol §5.11 <c>drop_columns</c>; the server only rewrites metadata). The table is described
    /// first, so an unknown column is refused before anything is sent. The entity's schema is checked again before the next write.
    /// </summary>
    /// <param name="columns">The columns to drop (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The table's new version (0 when the server does not say).</returns>
    /// <exception cref="ArgumentException">No column, a blank name, or a name given twice.</exception>
    /// <exception cref="ColumnNotFoundException">The table has no such column.</exception>
    public async Task<long> DropColumnsAsync(IEnumerable<string> columns, CancellationToken cancellationToken = default)
    {
        var list = NonEmpty(columns, nameof(columns));
        foreach (var column in list)
        {
            RequireName(column, nameof(columns));
        }

        Distinct(list, nameof(columns));
        var existing = await ColumnNamesAsync(cancellationToken).ConfigureAwait(false);
        Refuse(list.Where(c => !existing.Contains(c)), present: false);
        return await ChangedSchemaAsync(_table.DropColumnsAsync(list, cancellationToken)).ConfigureAwait(false);
    }

    private static IReadOnlyList<TItem> NonEmpty<TItem>(IEnumerable<TItem> items, string parameter)
    {
        ArgumentNullException.ThrowIfNull(items, parameter);
        var list = items.ToArray();
        return list.Length > 0 ? list : throw new ArgumentException("At least one column is needed.", parameter);
    }

    private static void RequireName(string? name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A column name is null, empty or blank.", parameter);
        }
    }

    private static void Distinct(IEnumerable<string> names, string parameter)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"Column '{repeated.Key}' is named more than once.", parameter);
        }
    }

    private void Refuse(IEnumerable<string> columns, bool present)
    {
        var names = columns.ToArray();
        if (names.Length > 0)
        {
            throw present ? new ColumnAlreadyExistsException(TableName, names) : new ColumnNotFoundException(TableName, names);
        }
    }

    private async Task<HashSet<string>> ColumnNamesAsync(CancellationToken cancellationToken)
    {
        var description = await _table.DescribeAsync(cancellationToken).ConfigureAwait(false);
        return TableColumn.Parse(description.Schema).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Awaits a schema change; whatever its outcome, the next write compares the entity's schema with the table's again.</summary>
    private async Task<long> ChangedSchemaAsync(Task<long> change)
    {
        try
        {
            return await change.ConfigureAwait(false);
        }
        finally
        {
            _validation = null;
        }
    }
}
