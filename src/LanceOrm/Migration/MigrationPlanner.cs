using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;
using LanceOrm.Protocol;
using LanceOrm.Querying;

namespace LanceOrm.Migration;

/// <summary>
/// Compares the entity's generated schema with the table's (a describe) and lists the steps that bring the table to the
/// entity, each classified safe or unsafe; unsafe steps are allowed only by the caller's per-column opt-ins.
/// </summary>
internal static class MigrationPlanner
{
    /// <summary>Lossless casts within a type family, as LanceDB's <c>alter_columns</c> performs them.</summary>
    private static readonly HashSet<(string From, string To)> Widenings =
    [
        ("int8", "int16"), ("int8", "int32"), ("int8", "int64"), ("int16", "int32"), ("int16", "int64"), ("int32", "int64"),
        ("uint8", "uint16"), ("uint8", "uint32"), ("uint8", "uint64"), ("uint16", "uint32"), ("uint16", "uint64"), ("uint32", "uint64"),
        ("halffloat", "float"), ("halffloat", "double"), ("float", "double"),
        ("string", "large_string"),
    ];

    public static async Task<LanceMigrationPlan> PlanAsync<T>(RemoteTable table, ILanceEntityMap<T> map, LanceMigrationOptions options, CancellationToken cancellationToken)
    {
        var description = await table.DescribeAsync(cancellationToken).ConfigureAwait(false);
        var current = TableColumn.Parse(description.Schema).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var expected = map.Schema.FieldsList;
        var mapped = expected.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        // Where each entity column comes from in the table: its own name, or the name it is renamed from.
        var source = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
        var steps = new List<LanceMigrationStep>();
        foreach (var (from, to) in options.Renames)
        {
            if (!current.ContainsKey(from) && current.ContainsKey(to))
            {
                continue; // renamed already
            }

            if (!current.TryGetValue(from, out var column) || current.ContainsKey(to) || !mapped.Contains(to))
            {
                throw new ArgumentException(
                    $"Rename(\"{from}\", \"{to}\") does not fit table '{map.TableName}': it needs column '{from}' in the table, no column '{to}' there, and '{to}' mapped by {typeof(T).Name}.",
                    nameof(options));
            }

            source[to] = column;
            steps.Add(new LanceMigrationStep(LanceMigrationStepKind.RenameColumn, to, isSafe: true, isAllowed: true, $"rename column '{from}' to '{to}' (its data is kept)") { PreviousName = from });
        }

        foreach (var field in expected)
        {
            if (!source.ContainsKey(field.Name) && current.TryGetValue(field.Name, out var same))
            {
                source[field.Name] = same;
            }
        }

        var added = new List<LanceMigrationStep>();
        foreach (var field in expected)
        {
            var binding = map.Embeddings.FirstOrDefault(b => b.VectorColumn == field.Name);
            if (!source.TryGetValue(field.Name, out var column))
            {
                added.Add(binding is null
                    ? Add(field, options)
                    : await AddVectorAsync(table, field, binding, source, cancellationToken).ConfigureAwait(false));
                continue;
            }

            var expectedType = ArrowTypeNames.Describe(field.DataType);
            if (expectedType != column.Type)
            {
                steps.Add(field.DataType is FixedSizeListType list && column.VectorLength is { } length && length != list.ListSize
                    ? await RecreateVectorAsync(table, field, list, length, binding, source, options, cancellationToken).ConfigureAwait(false)
                    : Cast(field.Name, column.Type, expectedType, field.DataType, options));
                if (steps[^1].Kind == LanceMigrationStepKind.RecreateVectorColumn)
                {
                    continue;
                }
            }

            if (field.IsNullable && !column.IsNullable)
            {
                steps.Add(new LanceMigrationStep(LanceMigrationStepKind.RelaxNullability, field.Name, isSafe: true, isAllowed: true, $"make column '{field.Name}' ({expectedType}) nullable"));
            }

            if (binding is not null && source.TryGetValue(binding.SourceColumn, out var text)
                && await CountAsync(table, $"{SqlLiteral.Column(column.Name)} IS NULL AND {SqlLiteral.Column(text.Name)} IS NOT NULL", cancellationToken).ConfigureAwait(false) is > 0 and var missing)
            {
                added.Add(new LanceMigrationStep(LanceMigrationStepKind.ComputeMissingVectors, field.Name, isSafe: true, isAllowed: true,
                    $"compute locally the {Rows(missing)} missing from vector column '{field.Name}' of [Embed] property {binding.SourcePropertyName} (they have text in column '{binding.SourceColumn}')")
                    { EmbeddedProperty = binding.SourcePropertyName });
            }
        }

        var renamedFrom = options.Renames.Keys.Where(current.ContainsKey).ToHashSet(StringComparer.Ordinal);
        foreach (var column in current.Values.Where(c => !mapped.Contains(c.Name) && !renamedFrom.Contains(c.Name)))
        {
            steps.Add(Drop(column, added, options));
        }

        // Application order: renames, drops, alterations (casts, nullability), additions, vector computations.
        var ordered = steps.OrderBy(s => s.Kind switch
        {
            LanceMigrationStepKind.RenameColumn => 0,
            LanceMigrationStepKind.DropColumn => 1,
            LanceMigrationStepKind.RecreateVectorColumn => 1,
            _ => 2,
        }).Concat(added.OrderBy(s => s.Kind == LanceMigrationStepKind.ComputeMissingVectors ? 1 : 0)).ToArray();
        return new LanceMigrationPlan(map.TableName, ordered);
    }

    private static LanceMigrationStep Add(Field field, LanceMigrationOptions options)
    {
        var type = ArrowTypeNames.Describe(field.DataType);
        var cast = ArrowTypeNames.CastName(field.DataType);
        if (field.IsNullable)
        {
            return new LanceMigrationStep(LanceMigrationStepKind.AddColumn, field.Name, isSafe: true, isAllowed: true, $"add nullable column '{field.Name}' ({type}), null in existing rows")
            {
                Type = field.DataType,
                Expression = $"arrow_cast(NULL, '{cast}')",
            };
        }

        return options.Defaults.TryGetValue(field.Name, out var sql)
            ? new LanceMigrationStep(LanceMigrationStepKind.AddRequiredColumn, field.Name, isSafe: false, isAllowed: true, $"add non-nullable column '{field.Name}' ({type}), set to `{sql}` in existing rows")
            {
                Type = field.DataType,
                Expression = $"arrow_cast(({sql}), '{cast}')",
            }
            : new LanceMigrationStep(LanceMigrationStepKind.AddRequiredColumn, field.Name, isSafe: false, isAllowed: false,
                $"add non-nullable column '{field.Name}' ({type}): existing rows need a value; give it with options.AddWithDefault(\"{field.Name}\", sql), or make the property nullable")
            {
                Type = field.DataType,
            };
    }

    private static async Task<LanceMigrationStep> AddVectorAsync<T>(RemoteTable table, Field field, EmbeddingBinding<T> binding, Dictionary<string, TableColumn> source, CancellationToken cancellationToken)
    {
        var rows = source.TryGetValue(binding.SourceColumn, out var text)
            ? await CountAsync(table, $"{SqlLiteral.Column(text.Name)} IS NOT NULL", cancellationToken).ConfigureAwait(false)
            : 0;
        var how = text is null
            ? $"its text column '{binding.SourceColumn}' is new, so rows get their vectors when they are written with text"
            : $"computed locally from column '{binding.SourceColumn}' for {Rows(rows)} with text";
        return new LanceMigrationStep(LanceMigrationStepKind.AddEmbeddingVector, field.Name, isSafe: true, isAllowed: true,
            $"add vector column '{field.Name}' ({ArrowTypeNames.Describe(field.DataType)}) of [Embed] property {binding.SourcePropertyName}; {how}")
        {
            Type = field.DataType,
            Expression = $"arrow_cast(NULL, '{ArrowTypeNames.CastName(field.DataType)}')",
            EmbeddedProperty = rows > 0 ? binding.SourcePropertyName : null,
        };
    }

    private static async Task<LanceMigrationStep> RecreateVectorAsync<T>(
        RemoteTable table, Field field, FixedSizeListType list, int length, EmbeddingBinding<T>? binding, Dictionary<string, TableColumn> source, LanceMigrationOptions options, CancellationToken cancellationToken)
    {
        var allowed = options.TypeChanges.Contains(field.Name);
        var rows = binding is not null && source.TryGetValue(binding.SourceColumn, out var text)
            ? await CountAsync(table, $"{SqlLiteral.Column(text.Name)} IS NOT NULL", cancellationToken).ConfigureAwait(false)
            : 0;
        var after = binding is null ? "its vectors are lost, the column is null in existing rows" : $"its vectors are computed again from column '{binding.SourceColumn}' for {Rows(rows)} with text";
        return new LanceMigrationStep(LanceMigrationStepKind.RecreateVectorColumn, field.Name, isSafe: false, isAllowed: allowed,
            string.Create(CultureInfo.InvariantCulture, $"replace vector column '{field.Name}' of dimension {length} by one of dimension {list.ListSize} ({after})")
            + (allowed ? "" : $"; allow with options.AllowTypeChange(\"{field.Name}\")"))
        {
            Type = field.DataType,
            Expression = $"arrow_cast(NULL, '{ArrowTypeNames.CastName(field.DataType)}')",
            EmbeddedProperty = rows > 0 ? binding?.SourcePropertyName : null,
        };
    }

    private static LanceMigrationStep Cast(string column, string from, string to, IArrowType type, LanceMigrationOptions options)
    {
        if (Widenings.Contains((from, to)))
        {
            return new LanceMigrationStep(LanceMigrationStepKind.WidenType, column, isSafe: true, isAllowed: true, $"widen column '{column}' from {from} to {to} (every value is kept)") { Type = type };
        }

        var allowed = options.TypeChanges.Contains(column);
        return new LanceMigrationStep(LanceMigrationStepKind.ChangeType, column, isSafe: false, isAllowed: allowed,
            $"change column '{column}' from {from} to {to} (values may not survive; the server refuses casts across type families)"
            + (allowed ? "" : $"; allow with options.AllowTypeChange(\"{column}\")"))
        { Type = type };
    }

    private static LanceMigrationStep Drop(TableColumn column, List<LanceMigrationStep> added, LanceMigrationOptions options)
    {
        var allowed = options.Drops.Contains(column.Name);
        var description = $"drop column '{column.Name}' ({column.Type}), which the entity no longer maps (its data is lost)";
        if (!allowed)
        {
            description += $"; allow with options.AllowDrop(\"{column.Name}\")";
            if (added.FirstOrDefault(a => a.Type is { } t && ArrowTypeNames.Describe(t) == column.Type) is { } candidate)
            {
                description += $", or keep its data under the new name with options.Rename(\"{column.Name}\", \"{candidate.Column}\")";
            }
        }

        return new LanceMigrationStep(LanceMigrationStepKind.DropColumn, column.Name, isSafe: false, isAllowed: allowed, description);
    }

    private static Task<long> CountAsync(RemoteTable table, string filter, CancellationToken cancellationToken) => table.CountRowsAsync(filter, cancellationToken);

    private static string Rows(long count) => count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count} rows");
}
