using System.Linq.Expressions;

namespace LanceOrm.Querying;

/// <summary>
/// A query's projection: the mapped columns a selector reads (the only ones fetched) and the compiled selector, applied
/// to entities read from those columns. The selector may compute anything from mapped properties
/// (<c>x =&gt; new { x.Title, Words = x.Body.Split(' ').Length }</c>) but not use the entity as a whole, an unmapped
/// property, or build the entity type itself (which would be an entity with defaults in its other properties).
/// </summary>
internal sealed class Projection<T, TResult>
{
    private Projection(string[] columns, Func<T, TResult> select)
    {
        Columns = columns;
        Select = select;
    }

    /// <summary>The columns to fetch, in the order the selector first reads them.</summary>
    public string[] Columns { get; }

    /// <summary>The compiled selector.</summary>
    public Func<T, TResult> Select { get; }

    /// <exception cref="NotSupportedException">The selector reads something other than mapped columns, or builds the entity type; the message names the sub-expression.</exception>
    public static Projection<T, TResult> Create(Expression<Func<T, TResult>> selector, FilterTranslator<T> translator)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (typeof(T).IsAssignableFrom(typeof(TResult)))
        {
            throw new NotSupportedException(
                $"'{selector}' projects to {typeof(TResult).Name}, the entity type: it would hold defaults in the properties it does not set, and writing it back would store them. "
                + $"Project to another type (an anonymous type, a record), or use the query without Select for complete entities.");
        }

        var columns = new ColumnCollector(translator, selector.Parameters[0]).Collect(selector.Body);
        if (columns.Length == 0)
        {
            throw new NotSupportedException($"'{selector}' reads no column of {typeof(T).Name}; a projection selects at least one mapped property.");
        }

        return new Projection<T, TResult>(columns, selector.Compile());
    }

    /// <summary>Finds the mapped properties a selector reads; any other use of the entity parameter is named in an error.</summary>
    private sealed class ColumnCollector(FilterTranslator<T> translator, ParameterExpression entity) : ExpressionVisitor
    {
        private readonly List<string> _columns = [];
        private readonly Stack<Expression> _path = new();

        public string[] Collect(Expression body)
        {
            Visit(body);
            return _columns.Distinct(StringComparer.Ordinal).ToArray();
        }

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            _path.Push(node);
            try
            {
                return base.Visit(node);
            }
            finally
            {
                _path.Pop();
            }
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == entity)
            {
                // Not a mapped column (ignored, unknown, or a field): the translator's error names it.
                _columns.Add(translator.Column(node, entity).ColumnName);
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == entity)
            {
                var user = _path.Skip(1).FirstOrDefault() ?? node;
                throw new NotSupportedException(
                    $"'{user}' uses the whole {typeof(T).Name}; a projection may only read its mapped properties (x.Property), which are the columns fetched.");
            }

            return node;
        }
    }
}
