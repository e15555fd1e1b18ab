using System.Linq.Expressions;
using System.Reflection;

namespace LanceOrm.VectorData.Tests.Support;

/// <summary>
/// Random filters over <see cref="FilterRecord"/> (comparisons with constants and captured values, null checks, string
/// methods, list and captured-collection membership, &amp;&amp;, ||, !), and the same filter over the dynamic record
/// (<c>(T)r["Property"]</c> for each <c>r.Property</c>).
/// </summary>
public sealed class FilterExpressions(Random random)
{
    private static readonly ParameterExpression Record = Expression.Parameter(typeof(FilterRecord), "r");
    private static readonly MethodInfo Indexer = typeof(Dictionary<string, object?>).GetProperty("Item")!.GetMethod!;

    public Expression<Func<FilterRecord, bool>> Next() => Expression.Lambda<Func<FilterRecord, bool>>(Predicate(depth: 0), Record);

    /// <summary>The same filter over a dynamic record.</summary>
    public static Expression<Func<Dictionary<string, object?>, bool>> ToDynamic(Expression<Func<FilterRecord, bool>> filter)
    {
        var parameter = Expression.Parameter(typeof(Dictionary<string, object?>), "r");
        var body = new ToIndexer(parameter).Visit(filter.Body);
        return Expression.Lambda<Func<Dictionary<string, object?>, bool>>(body, parameter);
    }

    private Expression Predicate(int depth)
    {
        var roll = random.Next(depth >= 2 ? 10 : 14);
        return roll switch
        {
            < 10 => Leaf(),
            10 or 11 => Expression.AndAlso(Predicate(depth + 1), Predicate(depth + 1)),
            12 => Expression.OrElse(Predicate(depth + 1), Predicate(depth + 1)),
            _ => Expression.Not(Predicate(depth + 1)),
        };
    }

    private Expression Leaf()
    {
        switch (random.Next(13))
        {
            case 0: return Compare(Property(nameof(FilterRecord.Int)), Expression.Constant(random.Next(-6, 7)));
            case 1: return Compare(Property(nameof(FilterRecord.NullableInt)), Expression.Constant(random.Next(5) == 0 ? null : (int?)random.Next(-6, 7), typeof(int?)));
            case 2: return Compare(Property(nameof(FilterRecord.Long)), Captured(random.NextInt64(-3, 4) * 1_000_000_000_000L));
            case 3: return Compare(Property(nameof(FilterRecord.Double)), Expression.Constant(random.Next(4) switch { 0 => 0.0, 1 => 0.5, 2 => -2.5, _ => 1.25 }));
            case 4: return random.Next(2) == 0 ? Property(nameof(FilterRecord.Bool)) : Expression.Equal(Property(nameof(FilterRecord.Bool)), Expression.Constant(random.Next(2) == 0));
            case 5: return Expression.Equal(Property(nameof(FilterRecord.NullableBool)), Expression.Constant(random.Next(3) switch { 0 => null, 1 => true, _ => (bool?)false }, typeof(bool?)));
            case 6:
                {
                    string?[] values = [null, "", "a", "B", "it's", "100%", "a_b", "zeta"];
                    var op = random.Next(2) == 0 ? ExpressionType.Equal : ExpressionType.NotEqual;
                    return Expression.MakeBinary(op, Property(nameof(FilterRecord.String)), Expression.Constant(values[random.Next(values.Length)], typeof(string)));
                }

            case 7:
                {
                    // x.String != null && x.String.StartsWith/EndsWith/Contains(value): what C# must write to avoid a NullReferenceException.
                    string[] values = ["a", "b", "%", "_", "'", ""];
                    var method = typeof(string).GetMethod(new[] { "StartsWith", "EndsWith", "Contains" }[random.Next(3)], [typeof(string)])!;
                    var text = Property(nameof(FilterRecord.String));
                    return Expression.AndAlso(Expression.NotEqual(text, Expression.Constant(null, typeof(string))), Expression.Call(text, method, Expression.Constant(values[random.Next(values.Length)])));
                }

            case 8: return Compare(Property(nameof(FilterRecord.Date)), Expression.Constant(random.Next(5) == 0 ? null : new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(-1, 11)), typeof(DateTime?)));
            case 9:
                {
                    // x.Tags != null && x.Tags.Contains("red")
                    var tags = Property(nameof(FilterRecord.Tags));
                    var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], tags, Expression.Constant(new[] { "red", "green", "it's", "none" }[random.Next(4)]));
                    return Expression.AndAlso(Expression.NotEqual(tags, Expression.Constant(null, typeof(string[]))), contains);
                }

            case 10:
                {
                    var values = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(-6, 7)).ToArray();
                    return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Captured(values), Property(nameof(FilterRecord.Int)));
                }

            case 11:
                {
                    // x.Tags != null && x.Tags.Any(t => wanted.Contains(t))
                    var wanted = new[] { "red", "blue", "it's", "none" }.Where(_ => random.Next(2) == 0).ToArray();
                    var tags = Property(nameof(FilterRecord.Tags));
                    var tag = Expression.Parameter(typeof(string), "t");
                    var inWanted = Expression.Lambda<Func<string, bool>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Captured(wanted), tag), tag);
                    var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], tags, inWanted);
                    return Expression.AndAlso(Expression.NotEqual(tags, Expression.Constant(null, typeof(string[]))), any);
                }

            default:
                // x.NullableInt == x.Int (C# lifts the int).
                return Expression.Equal(Property(nameof(FilterRecord.NullableInt)), Expression.Convert(Property(nameof(FilterRecord.Int)), typeof(int?)));
        }
    }

    private Expression Compare(Expression left, Expression right)
    {
        if (left.Type != right.Type)
        {
            right = Expression.Convert(right, left.Type);
        }

        var op = new[] { ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual }[random.Next(6)];
        return Expression.MakeBinary(op, left, right);
    }

    private static MemberExpression Property(string name) => Expression.Property(Record, name);

    /// <summary>A captured local, as a closure field (what the C# compiler emits).</summary>
    private static MemberExpression Captured<T>(T value) => Expression.Field(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed class Box<T>(T value)
    {
        public readonly T Value = value;
    }

    private sealed class ToIndexer(ParameterExpression dictionary) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == Record
                ? Expression.Convert(Expression.Call(dictionary, Indexer, Expression.Constant(node.Member.Name)), node.Type)
                : base.VisitMember(node);
    }
}
