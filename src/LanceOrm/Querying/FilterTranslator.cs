using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

/// <summary>
/// Translates a LINQ predicate over an entity into a LanceDB SQL filter. Column names come from the generated mapping;
/// every value (constants, captured variables, member chains — evaluated now) becomes an escaped literal, so no input
/// can change the structure of the filter.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class FilterTranslator<T>
{
    private readonly Dictionary<string, LanceColumnInfo> _columnsByProperty;

    /// <summary>Creates a translator for a mapping.</summary>
    public FilterTranslator(ILanceEntityMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        _columnsByProperty = map.Columns.Where(c => c.PropertyName.Length > 0).ToDictionary(c => c.PropertyName, StringComparer.Ordinal);
    }

    /// <summary>The SQL filter for <paramref name="predicate"/>.</summary>
    /// <exception cref="NotSupportedException">A sub-expression has no SQL form; the message names it.</exception>
    public string Translate(Expression<Func<T, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new Visitor(this, predicate.Parameters[0]).Predicate(predicate.Body);
    }

    /// <summary>The column a member-access lambda selects (<c>x =&gt; x.Year</c>).</summary>
    /// <exception cref="NotSupportedException">The lambda is not a mapped property access.</exception>
    public LanceColumnInfo Column(LambdaExpression selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Column(selector.Body, selector.Parameters[0]);
    }

    internal LanceColumnInfo Column(Expression body, ParameterExpression parameter)
    {
        var stripped = StripConvert(body);
        if (stripped is MemberExpression { Expression: { } owner } member && owner == parameter && _columnsByProperty.TryGetValue(member.Member.Name, out var column))
        {
            return column;
        }

        throw new NotSupportedException($"'{body}' does not select a mapped column of {typeof(T).Name}.");
    }

    internal bool TryGetColumn(string propertyName, out LanceColumnInfo column) => _columnsByProperty.TryGetValue(propertyName, out column!);

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } unary)
        {
            expression = unary.Operand;
        }

        return expression;
    }

    private sealed class Visitor(FilterTranslator<T> translator, ParameterExpression parameter)
    {
        public string Predicate(Expression e)
        {
            switch (e.NodeType)
            {
                case ExpressionType.AndAlso:
                case ExpressionType.And when e.Type == typeof(bool):
                    {
                        var b = (BinaryExpression)e;
                        return $"({Predicate(b.Left)}) AND ({Predicate(b.Right)})";
                    }

                case ExpressionType.OrElse:
                case ExpressionType.Or when e.Type == typeof(bool):
                    {
                        var b = (BinaryExpression)e;
                        return $"({Predicate(b.Left)}) OR ({Predicate(b.Right)})";
                    }

                case ExpressionType.Not:
                    return $"NOT ({Predicate(((UnaryExpression)e).Operand)})";
                case ExpressionType.Equal:
                case ExpressionType.NotEqual:
                case ExpressionType.LessThan:
                case ExpressionType.LessThanOrEqual:
                case ExpressionType.GreaterThan:
                case ExpressionType.GreaterThanOrEqual:
                    return Comparison((BinaryExpression)e);
                case ExpressionType.Call:
                    return Call((MethodCallExpression)e);
                case ExpressionType.Convert:
                    return Predicate(((UnaryExpression)e).Operand);
                case ExpressionType.Constant:
                    return Equals(((ConstantExpression)e).Value, true) ? "TRUE" : "FALSE";
            }

            if (!References(e))
            {
                return Equals(Evaluate(e), true) ? "TRUE" : "FALSE";
            }

            if (TryColumn(e, out var column) && column.Kind == LanceValueKind.Boolean)
            {
                return $"{SqlLiteral.Column(column.ColumnName)} = TRUE";
            }

            if (e is MemberExpression { Member.Name: "HasValue" } hasValue && hasValue.Expression is { } target && TryColumn(target, out var nullable))
            {
                return $"{SqlLiteral.Column(nullable.ColumnName)} IS NOT NULL";
            }

            throw Unsupported(e);
        }

        private string Comparison(BinaryExpression b)
        {
            var leftIsColumn = TryColumn(b.Left, out var leftColumn);
            var rightIsColumn = TryColumn(b.Right, out var rightColumn);
            if (!References(b.Left) && !References(b.Right))
            {
                return Equals(Evaluate(b), true) ? "TRUE" : "FALSE";
            }

            if (leftIsColumn && rightIsColumn)
            {
                return $"{SqlLiteral.Column(leftColumn.ColumnName)} {Operator(b.NodeType)} {SqlLiteral.Column(rightColumn.ColumnName)}";
            }

            if (leftIsColumn && !References(b.Right))
            {
                return ColumnVersusValue(leftColumn, b.NodeType, Evaluate(b.Right), b);
            }

            if (rightIsColumn && !References(b.Left))
            {
                return ColumnVersusValue(rightColumn, Flip(b.NodeType), Evaluate(b.Left), b);
            }

            // string.Compare(x.A, "b") > 0 and friends.
            if (b.Left is MethodCallExpression { Method.Name: "Compare" or "CompareOrdinal", Method.DeclaringType: var t, Arguments.Count: 2 } compare
                && t == typeof(string) && !References(b.Right) && Evaluate(b.Right) is 0)
            {
                var inner = Expression.MakeBinary(b.NodeType, compare.Arguments[0], compare.Arguments[1]);
                return Comparison(inner);
            }

            throw Unsupported(b);
        }

        private static string ColumnVersusValue(LanceColumnInfo column, ExpressionType op, object? value, Expression source)
        {
            if (value is null)
            {
                return op switch
                {
                    ExpressionType.Equal => $"{SqlLiteral.Column(column.ColumnName)} IS NULL",
                    ExpressionType.NotEqual => $"{SqlLiteral.Column(column.ColumnName)} IS NOT NULL",
                    _ => throw new NotSupportedException($"'{source}' compares with null using {op}; only == and != can test for null."),
                };
            }

            return $"{SqlLiteral.Column(column.ColumnName)} {Operator(op)} {FormatValue(value, column, source)}";
        }

        private string Call(MethodCallExpression call)
        {
            var method = call.Method;
            if (method.DeclaringType == typeof(string) && call.Object is { } target && TryColumn(target, out var column)
                && method.Name is "Contains" or "StartsWith" or "EndsWith")
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
                var escaped = SqlLiteral.EscapeLike(text);
                var pattern = method.Name switch
                {
                    "Contains" => "%" + escaped + "%",
                    "StartsWith" => escaped + "%",
                    _ => "%" + escaped,
                };
                return $"{SqlLiteral.Column(column.ColumnName)} LIKE {SqlLiteral.Quote(pattern)} ESCAPE {SqlLiteral.Quote(SqlLiteral.LikeEscape.ToString())}";
            }

            if (method.DeclaringType == typeof(string) && method.Name is "IsNullOrEmpty" && call.Arguments.Count == 1 && TryColumn(call.Arguments[0], out var emptyColumn))
            {
                var name = SqlLiteral.Column(emptyColumn.ColumnName);
                return $"({name} IS NULL OR {name} = '')";
            }

            if (method.Name == "Equals" && call.Object is { } left && call.Arguments.Count == 1)
            {
                return Comparison(Expression.Equal(left, Expression.Convert(call.Arguments[0], left.Type)));
            }

            if (method.Name == "Contains" && TryContains(call, out var sql))
            {
                return sql;
            }

            if (!References(call))
            {
                return Equals(Evaluate(call), true) ? "TRUE" : "FALSE";
            }

            throw Unsupported(call);
        }

        private bool TryContains(MethodCallExpression call, out string sql)
        {
            // collection.Contains(x.F) in its forms: Enumerable.Contains(source, item), List<T>.Contains(item),
            // MemoryExtensions.Contains(span, item) (arrays under C# 14) — and x.Tags.Contains("a") on a list column.
            Expression? source;
            Expression item;
            if (call.Object is null && call.Arguments.Count >= 2)
            {
                source = call.Arguments[0];
                item = call.Arguments[1];
            }
            else if (call.Object is not null && call.Arguments.Count == 1)
            {
                source = call.Object;
                item = call.Arguments[0];
            }
            else
            {
                sql = "";
                return false;
            }

            while (source is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } implicitCall)
            {
                source = implicitCall.Arguments[0];
            }

            source = StripConvert(source);
            if (TryColumn(item, out var column) && !References(source))
            {
                var values = Evaluate(source) as IEnumerable ?? throw Unsupported(call);
                var literals = new List<string>();
                foreach (var value in values)
                {
                    if (value is null)
                    {
                        throw new NotSupportedException($"'{call}': the collection contains null; test for null separately.");
                    }

                    literals.Add(FormatValue(value, column, call));
                }

                sql = literals.Count == 0 ? "FALSE" : $"{SqlLiteral.Column(column.ColumnName)} IN ({string.Join(", ", literals)})";
                return true;
            }

            if (TryColumn(source, out var listColumn) && listColumn.Kind == LanceValueKind.StringList && !References(item))
            {
                var value = Evaluate(item) ?? throw new NotSupportedException($"'{call}' looks for null in a list.");
                sql = $"array_has({SqlLiteral.Column(listColumn.ColumnName)}, {SqlLiteral.Format(value)})";
                return true;
            }

            sql = "";
            return false;
        }

        private static string FormatValue(object value, LanceColumnInfo column, Expression source)
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

        private static NotSupportedException Unsupported(Expression e) =>
            new($"The expression '{e}' cannot be translated to a LanceDB filter. Supported: comparisons, &&, ||, !, null checks, string Contains/StartsWith/EndsWith, collection.Contains(x.Column), and values computed outside the entity.");
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression e)
        {
            _found = false;
            Visit(e);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == parameter;
            return node;
        }
    }
}
