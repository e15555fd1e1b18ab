using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

internal sealed partial class FilterTranslator<T>
{
    /// <summary>Walks the predicate: logical operators, method calls and evaluation here; comparisons in the other part.</summary>
    private sealed partial class Visitor(FilterTranslator<T> translator, ParameterExpression parameter)
    {
        public SqlPredicate Predicate(Expression e)
        {
            switch (e.NodeType)
            {
                case ExpressionType.AndAlso:
                case ExpressionType.And when e.Type == typeof(bool):
                    {
                        var b = (BinaryExpression)e;
                        return SqlPredicate.And(Predicate(b.Left), Predicate(b.Right));
                    }

                case ExpressionType.OrElse:
                case ExpressionType.Or when e.Type == typeof(bool):
                    {
                        var b = (BinaryExpression)e;
                        return SqlPredicate.Or(Predicate(b.Left), Predicate(b.Right));
                    }

                case ExpressionType.Not when e.Type == typeof(bool):
                    return SqlPredicate.Not(Predicate(((UnaryExpression)e).Operand));
                case ExpressionType.Equal:
                case ExpressionType.NotEqual:
                case ExpressionType.LessThan:
                case ExpressionType.LessThanOrEqual:
                case ExpressionType.GreaterThan:
                case ExpressionType.GreaterThanOrEqual:
                    return Comparison((BinaryExpression)e);
                case ExpressionType.Call:
                    return Call((MethodCallExpression)e);
                case ExpressionType.Convert when e.Type == typeof(bool):
                    // (bool)r["Flag"] of a dynamic record is the column itself; any other conversion to bool is its operand.
                    return TryColumn(e, out var converted) && converted.Kind == LanceValueKind.Boolean
                        ? new SqlPredicate($"{SqlLiteral.Column(converted.ColumnName)} = TRUE", converted.IsNullable)
                        : Predicate(((UnaryExpression)e).Operand);
                case ExpressionType.Constant:
                    return SqlPredicate.Constant(Equals(((ConstantExpression)e).Value, true));
            }

            if (!References(e))
            {
                return SqlPredicate.Constant(Equals(Evaluate(e), true));
            }

            if (TryColumn(e, out var column) && column.Kind == LanceValueKind.Boolean)
            {
                return new SqlPredicate($"{SqlLiteral.Column(column.ColumnName)} = TRUE", column.IsNullable);
            }

            if (e is MemberExpression { Member.Name: "HasValue" } hasValue && hasValue.Expression is { } target && TryColumn(target, out var nullable))
            {
                return new SqlPredicate($"{SqlLiteral.Column(nullable.ColumnName)} IS NOT NULL", false);
            }

            throw Unsupported(e);
        }

        private SqlPredicate Call(MethodCallExpression call)
        {
            var method = call.Method;
            if (method.DeclaringType == typeof(string) && call.Object is { } target && TryColumn(target, out var column)
                && method.Name is "Contains" or "StartsWith" or "EndsWith")
            {
                return Like(call, column);
            }

            if (method.DeclaringType == typeof(string) && method.Name is "IsNullOrEmpty" && call.Arguments.Count == 1 && TryColumn(call.Arguments[0], out var emptyColumn))
            {
                var name = SqlLiteral.Column(emptyColumn.ColumnName);
                return new SqlPredicate(emptyColumn.IsNullable ? $"({name} IS NULL OR {name} = '')" : $"{name} = ''", false);
            }

            if (method.Name == "Equals" && call.Object is { } left && call.Arguments.Count == 1)
            {
                return EqualsCall(call, left, call.Arguments[0]);
            }

            if (method.Name == "Contains" && TryContains(call, out var sql))
            {
                return sql;
            }

            if (method.Name == "Any" && TryAny(call, out var any))
            {
                return any;
            }

            if (method is { Name: "Compare" or "CompareOrdinal", DeclaringType: var type } && type == typeof(string) && References(call))
            {
                throw new NotSupportedException($"'{call}' orders strings: C# compares UTF-16 code units (or culture rules), LanceDB compares UTF-8 bytes, and the two disagree on supplementary characters. Filter with ==, !=, StartsWith, EndsWith or Contains.");
            }

            if (!References(call))
            {
                return SqlPredicate.Constant(Equals(Evaluate(call), true));
            }

            throw Unsupported(call);
        }

        private SqlPredicate Like(MethodCallExpression call, LanceColumnInfo column)
        {
            if (call.Arguments.Count == 2 && !(call.Arguments[1] is ConstantExpression { Value: StringComparison.Ordinal }))
            {
                throw new NotSupportedException($"'{call}' uses a culture or case-insensitive comparison; LanceDB LIKE is ordinal. Use the overload without StringComparison.");
            }

            if (call.Arguments.Count == 0 || References(call.Arguments[0]))
            {
                throw Unsupported(call);
            }

            var argument = Evaluate(call.Arguments[0]);
            var text = argument switch
            {
                string s => s,
                char c => c.ToString(),
                null => throw new NotSupportedException($"'{call}' passes null."),
                _ => throw Unsupported(call),
            };
            _ = FormatValue(text, null, call);
            var escaped = SqlLiteral.EscapeLike(text);
            var pattern = call.Method.Name switch
            {
                "Contains" => "%" + escaped + "%",
                "StartsWith" => escaped + "%",
                _ => "%" + escaped,
            };
            return new SqlPredicate($"{SqlLiteral.Column(column.ColumnName)} LIKE {SqlLiteral.Quote(pattern)} ESCAPE {SqlLiteral.Quote(SqlLiteral.LikeEscape.ToString())}", column.IsNullable);
        }

        private SqlPredicate EqualsCall(MethodCallExpression call, Expression left, Expression right)
        {
            if (TryColumn(left, out var column) && !References(right))
            {
                // x.F.Equals(v) is the default equality comparer: what collection.Contains(x.F) uses (NaN equals NaN).
                return In(column, [Evaluate(right)], call);
            }

            if (TryColumn(left, out var leftColumn) && TryColumn(right, out var rightColumn) && ColumnDomain.IsFloating(leftColumn.Kind) && ColumnDomain.IsFloating(rightColumn.Kind))
            {
                throw new NotSupportedException($"'{call}' compares two floating columns with Equals (NaN equals NaN); use ==.");
            }

            return Comparison(Expression.Equal(left, Expression.Convert(right, left.Type)));
        }

        /// <summary>x.Tags.Any(t =&gt; values.Contains(t)) on a list column: <c>array_has_any</c>.</summary>
        private bool TryAny(MethodCallExpression call, out SqlPredicate sql)
        {
            sql = default;
            if (call.Method.DeclaringType != typeof(Enumerable) || call.Arguments is not [var source, LambdaExpression { Parameters: [var element], Body: MethodCallExpression contains } lambda]
                || !TryColumn(source, out var column) || column.Kind != LanceValueKind.StringList || contains.Method.Name != "Contains")
            {
                return false;
            }

            if (!SplitContains(contains, out var values, out var item)
                || (contains.Object is null && contains.Arguments.Count != 2 && !(contains.Arguments.Count == 3 && contains.Arguments[2] is ConstantExpression { Value: null })))
            {
                return false;
            }

            if (StripConvert(item) != element || References(values) || new ParameterFinder(element).Finds(values))
            {
                throw new NotSupportedException($"'{lambda}' cannot be translated: only x.List.Any(v => values.Contains(v)) with values computed outside the entity is supported.");
            }

            var list = (Evaluate(values) as IEnumerable ?? throw Unsupported(call)).Cast<object?>().ToList();
            if (list.Any(v => v is not string))
            {
                throw new NotSupportedException($"'{call}' looks for null or non-text values in a list of strings.");
            }

            sql = list.Count == 0
                ? SqlPredicate.Constant(false)
                : new SqlPredicate($"array_has_any({SqlLiteral.Column(column.ColumnName)}, make_array({string.Join(", ", list.Select(v => SqlLiteral.Quote((string)v!)))}))", column.IsNullable);
            return true;
        }

        /// <summary>
        /// The collection and the item of a Contains call in its forms: Enumerable.Contains(source, item),
        /// List&lt;T&gt;.Contains(item), MemoryExtensions.Contains(span, item) (arrays under C# 14, the span conversion removed).
        /// </summary>
        private static bool SplitContains(MethodCallExpression call, out Expression source, out Expression item)
        {
            if (call.Object is null && call.Arguments.Count >= 2)
            {
                (source, item) = (call.Arguments[0], call.Arguments[1]);
            }
            else if (call.Object is not null && call.Arguments.Count == 1)
            {
                (source, item) = (call.Object, call.Arguments[0]);
            }
            else
            {
                (source, item) = (call, call);
                return false;
            }

            while (source is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } implicitCall)
            {
                source = implicitCall.Arguments[0];
            }

            source = StripConvert(source);
            return true;
        }

        private bool TryContains(MethodCallExpression call, out SqlPredicate sql)
        {
            // collection.Contains(x.F) — and x.Tags.Contains("a") on a list column.
            if (!SplitContains(call, out var source, out var item))
            {
                sql = default;
                return false;
            }

            if (TryColumn(item, out var column) && !References(source))
            {
                var values = Evaluate(source) as IEnumerable ?? throw Unsupported(call);
                sql = In(column, values.Cast<object?>().ToList(), call);
                return true;
            }

            if (TryColumn(source, out var listColumn) && listColumn.Kind == LanceValueKind.StringList && !References(item))
            {
                var value = Evaluate(item) ?? throw new NotSupportedException($"'{call}' looks for null in a list.");
                sql = new SqlPredicate($"array_has({SqlLiteral.Column(listColumn.ColumnName)}, {FormatValue(value, null, call)})", listColumn.IsNullable);
                return true;
            }

            sql = default;
            return false;
        }

        private static string FormatValue(object value, LanceColumnInfo? column, Expression source)
        {
            try
            {
                return SqlLiteral.Format(value, column);
            }
            catch (NotSupportedException ex)
            {
                throw new NotSupportedException($"'{source}' cannot be translated to a LanceDB filter: {ex.Message}", ex);
            }
        }

        private bool TryColumn(Expression e, out LanceColumnInfo column)
        {
            e = StripConvert(e);
            if (e is MemberExpression { Member.Name: "Value" } valueAccess && valueAccess.Expression is { } inner && Nullable.GetUnderlyingType(inner.Type) is not null)
            {
                e = StripConvert(inner);
            }

            if (e is MemberExpression { Expression: { } owner } member && owner == parameter && owner is ParameterExpression)
            {
                if (translator.TryGetColumn(member.Member.Name, out column))
                {
                    return true;
                }

                throw new NotSupportedException($"'{e}' is not a mapped column of {typeof(T).Name} (ignored or unknown property).");
            }

            // A dynamic record (Dictionary<string, object?>): r["Name"], by property name.
            if (e is MethodCallExpression { Method.Name: "get_Item", Object: { } record, Arguments: [var key] } indexer && record == parameter && typeof(T) == typeof(Dictionary<string, object?>))
            {
                var name = References(key) ? null : Evaluate(key) as string;
                if (name is not null && translator.TryGetColumn(name, out column))
                {
                    return true;
                }

                // Microsoft.Extensions.VectorData's contract for a name that is not a property of the definition.
                throw new InvalidOperationException($"Property name '{name ?? key.ToString()}' provided as part of the filter clause is not a valid property name.");
            }

            column = null!;
            return false;
        }

        private bool References(Expression e) => new ParameterFinder(parameter).Finds(e);

        private static object? Evaluate(Expression e)
        {
            switch (e)
            {
                case ConstantExpression constant:
                    return constant.Value;
                case MemberExpression member:
                    {
                        var target = member.Expression is null ? null : Evaluate(member.Expression);
                        return member.Member switch
                        {
                            FieldInfo field => field.GetValue(target),
                            PropertyInfo property => property.GetValue(target),
                            _ => throw new NotSupportedException($"'{e}' cannot be evaluated."),
                        };
                    }

                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert when convert.Method is null:
                    {
                        var value = Evaluate(convert.Operand);
                        var targetType = Nullable.GetUnderlyingType(convert.Type) ?? convert.Type;
                        if (value is null || targetType.IsInstanceOfType(value) || targetType == typeof(object))
                        {
                            return value;
                        }

                        return targetType.IsEnum ? Enum.ToObject(targetType, value) : Convert.ChangeType(value, targetType, System.Globalization.CultureInfo.InvariantCulture);
                    }

                default:
                    return Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)();
            }
        }

        private static NotSupportedException Unsupported(Expression e) =>
            new($"The expression '{e}' cannot be translated to a LanceDB filter. Supported: comparisons, &&, ||, !, null checks, string Contains/StartsWith/EndsWith, collection.Contains(x.Column), and values computed outside the entity.");
    }
}
