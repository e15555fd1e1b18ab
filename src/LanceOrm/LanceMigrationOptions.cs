namespace LanceOrm;

/// <summary>
/// What a migration may do beyond its safe steps, opted in column by column, and how it computes vectors. An opt-in that
/// matches no step of the plan is ignored.
/// </summary>
public sealed class LanceMigrationOptions
{
    private readonly HashSet<string> _drops = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeChanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _renames = new(StringComparer.Ordinal);
    private int? _pageSize;

    /// <summary>
    /// How many rows are read, embedded and written back at a time when vectors are computed (by default the
    /// connection's <see cref="LanceDbOptions.WriteBatchSize"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int? PageSize
    {
        get => _pageSize;
        set => _pageSize = value is <= 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "The page size must be positive.") : value;
    }

    internal IReadOnlySet<string> Drops => _drops;

    internal IReadOnlySet<string> TypeChanges => _typeChanges;

    internal IReadOnlyDictionary<string, string> Defaults => _defaults;

    internal IReadOnlyDictionary<string, string> Renames => _renames;

    /// <summary>Allows dropping <paramref name="column"/>, a column the entity no longer maps (its data is lost).</summary>
    /// <param name="column">The table column.</param>
    /// <returns>These options.</returns>
    public LanceMigrationOptions AllowDrop(string column)
    {
        _drops.Add(Name(column, nameof(column)));
        return this;
    }

    /// <summary>
    /// Allows casting <paramref name="column"/> to the entity's type when that is not a widening (values may not
    /// survive; the server refuses casts across type families), or replacing a vector column whose dimension changed.
    /// </summary>
    /// <param name="column">The column, as the entity names it.</param>
    /// <returns>These options.</returns>
    public LanceMigrationOptions AllowTypeChange(string column)
    {
        _typeChanges.Add(Name(column, nameof(column)));
        return this;
    }

    /// <summary>
    /// Allows adding the non-nullable column <paramref name="column"/>, giving every existing row the value of
    /// <paramref name="sqlExpression"/> (a SQL expression over the row, <c>"0"</c>, <c>"'none'"</c>, <c>"year * 12"</c>),
    /// cast to the column's type.
    /// </summary>
    /// <param name="column">The new column, as the entity names it.</param>
    /// <param name="sqlExpression">The value of existing rows (SQL, DataFusion dialect).</param>
    /// <returns>These options.</returns>
    public LanceMigrationOptions AddWithDefault(string column, string sqlExpression)
    {
        if (string.IsNullOrWhiteSpace(sqlExpression))
        {
            throw new ArgumentException($"The default of column '{column}' is null, empty or blank.", nameof(sqlExpression));
        }

        _defaults[Name(column, nameof(column))] = sqlExpression;
        return this;
    }

    /// <summary>
    /// States that table column <paramref name="from"/> is the entity's column <paramref name="to"/>: it is renamed, its
    /// data kept, instead of dropped and added empty. Once renamed, the opt-in is satisfied and ignored.
    /// </summary>
    /// <param name="from">The column's name in the table.</param>
    /// <param name="to">The column's name in the entity.</param>
    /// <returns>These options.</returns>
    public LanceMigrationOptions Rename(string from, string to)
    {
        Name(from, nameof(from));
        Name(to, nameof(to));
        if (from == to)
        {
            throw new ArgumentException($"Renaming column '{from}' to itself changes nothing.", nameof(to));
        }

        if (_renames.Values.Contains(to) && _renames.GetValueOrDefault(from) != to)
        {
            throw new ArgumentException($"Two columns are renamed to '{to}'.", nameof(to));
        }

        _renames[from] = to;
        return this;
    }

    private static string Name(string column, string parameter) =>
        string.IsNullOrWhiteSpace(column) ? throw new ArgumentException("A column name is null, empty or blank.", parameter) : column;
}
