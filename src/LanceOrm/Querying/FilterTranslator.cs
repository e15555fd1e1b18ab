using System.Linq.Expressions;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

/// <summary>
/// Translates a LINQ predicate over an entity into a LanceDB SQL filter that selects exactly the rows LINQ-to-objects
/// selects: null comparisons follow C#'s lifted operators (see <see cref="SqlPredicate"/>), floating comparisons follow
/// IEEE (NaN compares false, -0 equals 0), values the column cannot hold are replaced by their neighbours
/// (<see cref="ColumnDomain"/>). Column names come from the generated mapping; every value (constants, captured
/// variables, member chains — evaluated now) becomes a typed, escaped literal, so no input can change the structure of
/// the filter.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed partial class FilterTranslator<T>
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
        return new Visitor(this, predicate.Parameters[0]).Predicate(predicate.Body).Text;
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
