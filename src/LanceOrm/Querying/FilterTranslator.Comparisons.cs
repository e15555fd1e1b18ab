using System.Linq.Expressions;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

internal sealed partial class FilterTranslator<T>
{
    /// <summary>
    /// Comparisons with C#'s meaning: lifted null semantics (<c>null != v</c> is true, <c>null &lt; v</c> false, two
    /// nulls are equal), IEEE floating comparisons (the engine orders NaN above everything, equal to itself, and -0
    /// below 0), enum order by value, and values the column cannot hold replaced by their neighbours.
    /// </summary>
    private sealed partial class Visitor
    {
        private SqlPredicate Comparison(BinaryExpression b)
        {
            if (!References(b.Left) && !References(b.Right))
            {
                return SqlPredicate.Constant(Equals(Evaluate(b), true));
            }

            var leftIsColumn = TryColumn(b.Left, out var leftColumn);
            var rightIsColumn = TryColumn(b.Right, out var rightColumn);
            if (leftIsColumn && rightIsColumn)
            {
                return ColumnVersusColumn(leftColumn, b.NodeType, rightColumn, b);
            }

            var comparisonType = Nullable.GetUnderlyingType(b.Left.Type) ?? b.Left.Type;
            if (leftIsColumn && !References(b.Right))
            {
                return ColumnVersusValue(leftColumn, b.NodeType, Evaluate(b.Right), comparisonType, b);
            }

            if (rightIsColumn && !References(b.Left))
            {
                return ColumnVersusValue(rightColumn, Flip(b.NodeType), Evaluate(b.Left), comparisonType, b);
            }

            throw Unsupported(b);
        }

        private static SqlPredicate ColumnVersusValue(LanceColumnInfo column, ExpressionType op, object? value, Type comparisonType, Expression source)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            if (value is null)
            {
                // Lifted operators: x == null tests for null, x != null for a value, and x < null is always false.
                return op switch
                {
                    ExpressionType.Equal => new SqlPredicate($"{name} IS NULL", false),
                    ExpressionType.NotEqual => new SqlPredicate($"{name} IS NOT NULL", false),
                    _ => SqlPredicate.False,
                };
            }

            string? core;
            try
            {
                core = NonNullComparison(column, op, value, comparisonType);
            }
            catch (NotSupportedException ex)
            {
                throw new NotSupportedException($"'{source}' cannot be translated to a LanceDB filter: {ex.Message}", ex);
            }

            return WithNulls(column, op, core);
        }

        /// <summary>
        /// Adds the rows whose column is null: they satisfy <c>!=</c> only. <paramref name="core"/> is the comparison over
        /// non-null values (null: every non-null row).
        /// </summary>
        private static SqlPredicate WithNulls(LanceColumnInfo column, ExpressionType op, string? core)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            if (op == ExpressionType.NotEqual)
            {
                return core is null ? SqlPredicate.True
                    : !column.IsNullable ? new SqlPredicate(core, false)
                    : core == "FALSE" ? new SqlPredicate($"{name} IS NULL", false)
                    : new SqlPredicate($"{core} OR {name} IS NULL", false);
            }

            return core is null ? (column.IsNullable ? new SqlPredicate($"{name} IS NOT NULL", false) : SqlPredicate.True)
                : core == "FALSE" ? SqlPredicate.False
                : new SqlPredicate(core, column.IsNullable);
        }

        /// <summary>The comparison over the column's non-null values; null means every row, "FALSE" none.</summary>
        private static string? NonNullComparison(LanceColumnInfo column, ExpressionType op, object value, Type comparisonType)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            switch (column.Kind)
            {
                case var kind when ColumnDomain.IsNumeric(kind):
                    if (value is double or float && double.IsNaN(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        return op == ExpressionType.NotEqual ? null : "FALSE";
                    }

                    return ColumnDomain.TryPlaceNumber(column, value, comparisonType, out var exact, out var bounds)
                        ? NumberComparison(column, op, exact)
                        : Between(op, bounds, v => NumberComparison(column, op is ExpressionType.LessThan or ExpressionType.LessThanOrEqual ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual, v));
                case LanceValueKind.Timestamp:
                    return ColumnDomain.TryPlaceTimestamp(value, out var instant, out var around)
                        ? $"{name} {Operator(op)} {SqlLiteral.Format(instant)}"
                        : Between(op, around, v => $"{name} {(op is ExpressionType.LessThan or ExpressionType.LessThanOrEqual ? "<=" : ">=")} {SqlLiteral.Format(v)}");
                case LanceValueKind.Enum:
                    return EnumComparison(column, op, value);
                case LanceValueKind.Binary or LanceValueKind.StringList or LanceValueKind.Vector:
                    throw new NotSupportedException($"{column.Kind} values compare by reference in C#; only == null and != null are supported.");
                default:
                    return $"{name} {Operator(op)} {SqlLiteral.Format(value, column)}";
            }
        }

        /// <summary>A value strictly between two domain values: nothing equals it, everything differs from it.</summary>
        private static string? Between(ExpressionType op, ColumnDomain.Bounds bounds, Func<object, string?> inclusive) => op switch
        {
            ExpressionType.Equal => "FALSE",
            ExpressionType.NotEqual => null,
            ExpressionType.LessThan or ExpressionType.LessThanOrEqual => bounds.Below is { } below ? inclusive(below) : "FALSE",
            _ => bounds.Above is { } above ? inclusive(above) : "FALSE",
        };

        private static string NumberComparison(LanceColumnInfo column, ExpressionType op, object exact)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            if (!ColumnDomain.IsFloating(column.Kind))
            {
                return $"{name} {Operator(op)} {ColumnDomain.NumberLiteral(column, exact)}";
            }

            // The engine orders floats totally: NaN equals NaN, and a NaN sorts above +Infinity or, with its sign bit set
            // (.NET's NaN), below -Infinity. In C# every ordering with NaN is false: guard every ordering.
            var notNaN = $"NOT isnan({name})";
            if ((double)exact == 0)
            {
                var zero = $"{name} >= -0.0 AND {name} <= 0.0";
                return op switch
                {
                    ExpressionType.Equal => $"({zero})",
                    ExpressionType.NotEqual => $"NOT ({zero})",
                    ExpressionType.GreaterThan => $"{name} > 0.0 AND {notNaN}",
                    ExpressionType.GreaterThanOrEqual => $"{name} >= -0.0 AND {notNaN}",
                    ExpressionType.LessThan => $"{name} < -0.0 AND {notNaN}",
                    _ => $"{name} <= 0.0 AND {notNaN}",
                };
            }

            var literal = ColumnDomain.NumberLiteral(column, exact);
            return op is ExpressionType.Equal or ExpressionType.NotEqual
                ? $"{name} {Operator(op)} {literal}"
                : $"{name} {Operator(op)} {literal} AND {notNaN}";
        }

        private static string? EnumComparison(LanceColumnInfo column, ExpressionType op, object value)
        {
            var name = SqlLiteral.Column(column.ColumnName);
            var enumType = column.EnumType ?? throw new NotSupportedException($"Column '{column.ColumnName}' has no enum type.");
            var wanted = Underlying(value);
            var members = Members(enumType);
            if (op is ExpressionType.Equal or ExpressionType.NotEqual)
            {
                var match = members.FirstOrDefault(m => m.Value == wanted);
                return match.Name is null ? (op == ExpressionType.Equal ? "FALSE" : null) : $"{name} {Operator(op)} {SqlLiteral.Quote(match.Name)}";
            }

            // Enums order by value in C#; the column holds names, so the order becomes the set of names it selects.
            var selected = members.Where(m => op switch
            {
                ExpressionType.LessThan => m.Value < wanted,
                ExpressionType.LessThanOrEqual => m.Value <= wanted,
                ExpressionType.GreaterThan => m.Value > wanted,
                _ => m.Value >= wanted,
            }).Select(m => SqlLiteral.Quote(m.Name)).Distinct().ToList();
            return selected.Count == 0 ? "FALSE" : $"{name} IN ({string.Join(", ", selected)})";
        }

        /// <summary>The enum's members (name, value), in the order of <see cref="Enum.GetNames(Type)"/>.</summary>
        private static List<(string Name, decimal Value)> Members(Type enumType)
        {
            var names = Enum.GetNames(enumType);
            var values = Enum.GetValuesAsUnderlyingType(enumType);
            return names.Select((n, i) => (n, Convert.ToDecimal(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        }

        private static decimal Underlying(object value) =>
            value is Enum e ? Convert.ToDecimal(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

        private static SqlPredicate ColumnVersusColumn(LanceColumnInfo left, ExpressionType op, LanceColumnInfo right, Expression source)
        {
            var sameFamily = left.Kind == right.Kind
                || (ColumnDomain.IsInteger(left.Kind) && ColumnDomain.IsInteger(right.Kind))
                || (ColumnDomain.IsFloating(left.Kind) && ColumnDomain.IsFloating(right.Kind));
            if (!sameFamily || left.Kind is LanceValueKind.Binary or LanceValueKind.StringList or LanceValueKind.Vector
                || (left.Kind == LanceValueKind.Enum && op is not (ExpressionType.Equal or ExpressionType.NotEqual)))
            {
                throw new NotSupportedException($"'{source}' compares columns of kinds {left.Kind} and {right.Kind}, which has no exact LanceDB form.");
            }

            var a = SqlLiteral.Column(left.ColumnName);
            var b = SqlLiteral.Column(right.ColumnName);
            var floating = ColumnDomain.IsFloating(left.Kind);
            var eitherNullable = left.IsNullable || right.IsNullable;
            if (op == ExpressionType.NotEqual)
            {
                return !floating && !eitherNullable
                    ? new SqlPredicate($"{a} != {b}", false)
                    : SqlPredicate.Not(ColumnVersusColumn(left, ExpressionType.Equal, right, source));
            }

            var bothZero = $"({a} >= -0.0 AND {a} <= 0.0 AND {b} >= -0.0 AND {b} <= 0.0)";
            var core = !floating ? $"{a} {Operator(op)} {b}" : op switch
            {
                ExpressionType.Equal => $"({a} = {b} AND NOT isnan({a})) OR {bothZero}",
                ExpressionType.LessThan => $"{a} < {b} AND NOT isnan({a}) AND NOT isnan({b}) AND NOT {bothZero}",
                ExpressionType.LessThanOrEqual => $"({a} <= {b} AND NOT isnan({a}) AND NOT isnan({b})) OR {bothZero}",
                ExpressionType.GreaterThan => $"{a} > {b} AND NOT isnan({a}) AND NOT isnan({b}) AND NOT {bothZero}",
                _ => $"({a} >= {b} AND NOT isnan({a}) AND NOT isnan({b})) OR {bothZero}",
            };
            if (op == ExpressionType.Equal && left.IsNullable && right.IsNullable)
            {
                // Two nulls are equal in C#.
                return new SqlPredicate($"({core}) OR ({a} IS NULL AND {b} IS NULL)", true);
            }

            return new SqlPredicate(core, eitherNullable);
        }

        private static string Operator(ExpressionType op) => op switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "!=",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            _ => throw new NotSupportedException($"Operator {op} is not supported."),
        };

        private static ExpressionType Flip(ExpressionType op) => op switch
        {
            ExpressionType.LessThan => ExpressionType.GreaterThan,
            ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
            ExpressionType.GreaterThan => ExpressionType.LessThan,
            ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
            _ => op,
        };
    }
}
