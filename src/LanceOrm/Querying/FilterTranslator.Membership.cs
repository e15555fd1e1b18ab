using System.Linq.Expressions;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

internal sealed partial class FilterTranslator<T>
{
    /// <summary>Membership: <c>collection.Contains(x.F)</c> and <c>x.F.Equals(v)</c>, with the default equality comparer's meaning.</summary>
    private sealed partial class Visitor
    {
        /// <summary>
        /// <c>collection.Contains(x.F)</c> and <c>x.F.Equals(v)</c>: the default equality comparer, under which a null
        /// item matches a null column, NaN matches NaN and -0 matches 0.
        /// </summary>
        private static SqlPredicate In(LanceColumnInfo column, IReadOnlyList<object?> values, Expression source)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            var literals = new List<string>();
            var parts = new List<string>();
            var matchesNull = false;
            var floating = ColumnDomain.IsFloating(column.Kind);
            foreach (var value in values)
            {
                if (value is null)
                {
                    matchesNull = true;
                    continue;
                }

                if (floating && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) is var d && (double.IsNaN(d) || d == 0))
                {
                    parts.Add(double.IsNaN(d) ? $"isnan({name})" : $"({name} >= -0.0 AND {name} <= 0.0)");
                    continue;
                }

                if (Exact(column, value, source) is { } literal)
                {
                    literals.Add(literal);
                }
            }

            literals = literals.Distinct(StringComparer.Ordinal).ToList();
            if (literals.Count > 0)
            {
                parts.Insert(0, literals.Count == 1 ? $"{name} = {literals[0]}" : $"{name} IN ({string.Join(", ", literals)})");
            }

            if (matchesNull && column.IsNullable)
            {
                parts.Add($"{name} IS NULL");
            }

            parts = parts.Distinct(StringComparer.Ordinal).ToList();
            return parts.Count switch
            {
                0 => SqlPredicate.False,
                1 => new SqlPredicate(parts[0], column.IsNullable && !matchesNull),
                _ => new SqlPredicate(string.Join(" OR ", parts), column.IsNullable && !matchesNull),
            };
        }

        /// <summary>The literal of a value the column can hold exactly; null when no row can equal it.</summary>
        private static string? Exact(LanceColumnInfo column, object value, Expression source)
        {
            try
            {
                switch (column.Kind)
                {
                    case var kind when ColumnDomain.IsNumeric(kind):
                        return ColumnDomain.TryPlaceNumber(column, value, value.GetType(), out var exact, out _) ? ColumnDomain.NumberLiteral(column, exact) : null;
                    case LanceValueKind.Timestamp:
                        return ColumnDomain.TryPlaceTimestamp(value, out var instant, out _) ? SqlLiteral.Format(instant) : null;
                    case LanceValueKind.Enum when column.EnumType is { } enumType:
                        var wanted = Underlying(value);
                        var member = Members(enumType).FirstOrDefault(m => m.Value == wanted);
                        return member.Name is null ? null : SqlLiteral.Quote(member.Name);
                    case LanceValueKind.Binary or LanceValueKind.StringList or LanceValueKind.Vector:
                        throw new NotSupportedException($"{column.Kind} values compare by reference in C#.");
                    default:
                        return SqlLiteral.Format(value, column);
                }
            }
            catch (NotSupportedException ex)
            {
                throw new NotSupportedException($"'{source}' cannot be translated to a LanceDB filter: {ex.Message}", ex);
            }
        }
    }
}
