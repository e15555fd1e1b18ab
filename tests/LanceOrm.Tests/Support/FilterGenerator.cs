using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace LanceOrm.Tests.Support;

/// <summary>
/// Random, valid, non-throwing C# predicates over <see cref="FilterRow"/>, shaped as the C# compiler shapes them
/// (numeric promotion, lifted nullable operators, enums compared as their underlying values, string methods on a
/// nullable string guarded by a null check), with values inlined or captured.
/// </summary>
public sealed class FilterGenerator(Random random)
{
    private static readonly ParameterExpression X = Expression.Parameter(typeof(FilterRow), "x");
    private static readonly ExpressionType[] Operators = [ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual];

    private static readonly object[] SmallInts = [0, 1, -1, 42, 50, 100, 255, 256, 300, -129, int.MaxValue, int.MinValue];
    private static readonly object[] Longs = [long.MinValue, long.MaxValue, 9_007_199_254_740_993L, -1L, 0L];
    private static readonly object[] NarrowDoubles = [0.5, 1.5, -0.5, 50.5, 255.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e19, -1e19];
    private static readonly object[] WideDoubles = [0.5, 1.5, -0.5, 50.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
    private static readonly object[] SmallFloats = [1.5f, -0.5f, float.NaN, 100.25f];
    private static readonly object[] SomeDecimals = [0.5m, 50.5m, -0.5m, 1234.5m, 0m];

    private static readonly string[] NumericColumns = ["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "OptionalInt16", "Rank", "OptionalInt64", "OptionalUInt64", "Single", "OptionalSingle", "Double", "OptionalDouble", "Price", "OptionalPrice"];

    private static readonly (string Left, string Right)[] ColumnPairs =
    [
        ("Int32", "Rank"), ("Int16", "OptionalInt16"), ("Int64", "OptionalInt64"), ("UInt64", "OptionalUInt64"), ("Rank", "Rank"),
        ("Double", "OptionalDouble"), ("Single", "Double"), ("OptionalSingle", "OptionalDouble"), ("Single", "OptionalSingle"), ("OptionalDouble", "OptionalDouble"),
        ("Price", "OptionalPrice"), ("CreatedAt", "DeletedAt"), ("PublishedAt", "ReviewedAt"), ("Day", "OptionalDay"), ("Token", "OptionalToken"),
        ("Text", "Note"), ("Mood", "OptionalMood"), ("Flag", "OptionalFlag"),
    ];

    public Expression<Func<FilterRow, bool>> Next() => Expression.Lambda<Func<FilterRow, bool>>(Tree(random.Next(4)), X);

    private Expression Tree(int depth) => depth == 0 ? Atom() : random.Next(5) switch
    {
        0 or 1 => Expression.AndAlso(Tree(depth - 1), Tree(depth - 1)),
        2 or 3 => Expression.OrElse(Tree(depth - 1), Tree(depth - 1)),
        _ => Expression.Not(Tree(depth - 1)),
    };

    private Expression Atom() => random.Next(20) switch
    {
        < 7 => NumericAtom(Pick(NumericColumns)),
        7 => TimestampAtom(),
        8 => DateAtom(),
        9 => GuidAtom(),
        10 => EnumAtom(),
        11 => BoolAtom(),
        12 or 13 => StringAtom(),
        14 or 15 => ContainsAtom(),
        16 => ColumnPairAtom(),
        17 => HasValueAtom(),
        18 => ListAtom(),
        _ => EqualsAtom(),
    };

    private Expression NumericAtom(string property)
    {
        var column = Column(property);
        var type = Underlying(column.Type);
        if (column.Type != type && random.Next(8) == 0)
        {
            return Compare(column, Expression.Constant(null, column.Type), Pick(Operators));
        }

        var value = Pick(Pool(type));
        var promoted = Promote(type, value.GetType());
        var converted = Convert.ChangeType(value, promoted, System.Globalization.CultureInfo.InvariantCulture);
        var target = column.Type == type ? promoted : typeof(Nullable<>).MakeGenericType(promoted);
        Expression left = target == column.Type ? column : Expression.Convert(column, target);
        return Compare(left, Value(converted, promoted), Pick(Operators));
    }

    private object[] Pool(Type type)
    {
        if (type == typeof(float))
        {
            return [.. FilterRowFactory.Singles.Cast<object>(), .. FilterRowFactory.Doubles.Cast<object>(), 0, 1, -1, 16_777_217];
        }

        if (type == typeof(double))
        {
            return [.. FilterRowFactory.Doubles.Cast<object>(), .. FilterRowFactory.Singles.Cast<object>(), 0, 1, long.MaxValue];
        }

        if (type == typeof(decimal))
        {
            return [.. FilterRowFactory.Decimals.Cast<object>(), 0, 1, -1, long.MinValue, ulong.MaxValue, 1234.4999999999m, 0.0000000001m];
        }

        var own = type == typeof(sbyte) ? FilterRowFactory.Int8s.Cast<object>()
            : type == typeof(short) ? FilterRowFactory.Int16s.Cast<object>()
            : type == typeof(int) ? FilterRowFactory.Int32s.Cast<object>()
            : type == typeof(long) ? FilterRowFactory.Int64s.Cast<object>()
            : type == typeof(byte) ? FilterRowFactory.UInt8s.Cast<object>()
            : type == typeof(ushort) ? FilterRowFactory.UInt16s.Cast<object>()
            : type == typeof(uint) ? FilterRowFactory.UInt32s.Cast<object>()
            : FilterRowFactory.UInt64s.Cast<object>();
        if (type == typeof(ulong))
        {
            return [.. own, .. WideDoubles, .. SmallFloats, .. SomeDecimals, 0UL, 42UL];
        }

        var wide = type == typeof(long) || type == typeof(uint);
        return [.. own, .. SmallInts, .. Longs, .. wide ? WideDoubles : NarrowDoubles, .. SmallFloats, .. SomeDecimals];
    }

    private static Type Promote(Type column, Type value)
    {
        if (column == typeof(decimal) || value == typeof(decimal))
        {
            return typeof(decimal);
        }

        if (column == typeof(double) || value == typeof(double))
        {
            return typeof(double);
        }

        if (column == typeof(float) || value == typeof(float))
        {
            return typeof(float);
        }

        if (column == typeof(ulong) || value == typeof(ulong))
        {
            return typeof(ulong);
        }

        if (column == typeof(long) || value == typeof(long))
        {
            return typeof(long);
        }

        if (column == typeof(uint) || value == typeof(uint))
        {
            return value == typeof(uint) && column is var c && (c == typeof(byte) || c == typeof(ushort) || c == typeof(uint)) ? typeof(uint) : typeof(long);
        }

        return typeof(int);
    }

    private Expression TimestampAtom()
    {
        if (random.Next(2) == 0)
        {
            var property = random.Next(2) == 0 ? "CreatedAt" : "DeletedAt";
            var instant = Pick(FilterRowFactory.Instants);
            if (random.Next(4) == 0 && instant.Ticks < DateTime.MaxValue.Ticks - 20)
            {
                instant = instant.AddTicks(random.Next(1, 10));
            }

            if (random.Next(3) == 0)
            {
                instant = DateTime.SpecifyKind(instant, DateTimeKind.Unspecified);
            }

            return Compare(Column(property), Value(instant, typeof(DateTime)), Pick(Operators));
        }

        var offset = Pick(FilterRowFactory.Offsets);
        var utc = Pick(FilterRowFactory.Instants);
        var value = utc.Year is > 1 and < 9999 ? new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset) : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return Compare(Column(random.Next(2) == 0 ? "PublishedAt" : "ReviewedAt"), Value(value, typeof(DateTimeOffset)), Pick(Operators));
    }

    private Expression DateAtom() =>
        Compare(Column(random.Next(2) == 0 ? "Day" : "OptionalDay"), Value(Pick(FilterRowFactory.Days), typeof(DateOnly)), Pick(Operators));

    private Expression GuidAtom()
    {
        var guid = random.Next(5) == 0 ? Guid.Parse("00000000-0000-0000-0000-000000000001") : Pick(FilterRowFactory.Guids);
        return Compare(Column(random.Next(2) == 0 ? "Token" : "OptionalToken"), Value(guid, typeof(Guid)), Pick(Operators));
    }

    private Expression EnumAtom()
    {
        var nullable = random.Next(2) == 0;
        var column = Column(nullable ? "OptionalMood" : "Mood");
        var value = random.Next(6) == 0 ? 5 : (int)Pick(FilterRowFactory.Moods);
        var left = Expression.Convert(column, nullable ? typeof(int?) : typeof(int));
        return Compare(left, Value(value, typeof(int)), Pick(Operators));
    }

    private Expression BoolAtom() => random.Next(4) switch
    {
        0 => Column("Flag"),
        1 => Compare(Column("Flag"), Value(random.Next(2) == 0, typeof(bool)), random.Next(2) == 0 ? ExpressionType.Equal : ExpressionType.NotEqual),
        _ => Compare(Column("OptionalFlag"), random.Next(3) == 0 ? Expression.Constant(null, typeof(bool?)) : Value(random.Next(2) == 0, typeof(bool)), random.Next(2) == 0 ? ExpressionType.Equal : ExpressionType.NotEqual),
    };

    private Expression StringAtom()
    {
        var nullable = random.Next(2) == 0;
        var column = Column(nullable ? "Note" : "Text");
        var text = Pick(FilterRowFactory.Strings);
        Expression atom = random.Next(6) switch
        {
            0 => Compare(column, random.Next(5) == 0 ? Expression.Constant(null, typeof(string)) : Value(text, typeof(string)), ExpressionType.Equal),
            1 => Compare(column, random.Next(5) == 0 ? Expression.Constant(null, typeof(string)) : Value(text, typeof(string)), ExpressionType.NotEqual),
            2 => Expression.Call(column, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!, Value(Prefix(text), typeof(string)), Expression.Constant(StringComparison.Ordinal)),
            3 => Expression.Call(column, typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!, Value(Suffix(text), typeof(string)), Expression.Constant(StringComparison.Ordinal)),
            4 => Expression.Call(column, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Value(Middle(text), typeof(string))),
            _ => Expression.Call(typeof(string).GetMethod(nameof(string.IsNullOrEmpty), [typeof(string)])!, column),
        };
        var guarded = atom is MethodCallExpression { Object: not null };
        return nullable && guarded ? Expression.AndAlso(Expression.NotEqual(column, Expression.Constant(null, typeof(string))), atom) : atom;
    }

    // Cuts never split a surrogate pair (a lone surrogate is not text: the translator refuses it).
    private string Prefix(string text) => text[..Cut(text, random.Next(0, text.Length + 1))];

    private string Suffix(string text) => text[Cut(text, random.Next(0, text.Length + 1))..];

    private string Middle(string text)
    {
        var start = Cut(text, random.Next(0, text.Length + 1));
        var end = Cut(text, random.Next(start, text.Length + 1));
        return text[start..end];
    }

    private static int Cut(string text, int index) => index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;

    private Expression ContainsAtom()
    {
        var choice = random.Next(6);
        var (property, itemType, pool) = choice switch
        {
            0 => ("Note", typeof(string), FilterRowFactory.Strings.Cast<object?>().Append(null).ToArray()),
            1 => ("Rank", typeof(int?), FilterRowFactory.Int32s.Cast<object?>().Append(null).Append(50).ToArray()),
            2 => ("Double", typeof(double), FilterRowFactory.Doubles.Cast<object?>().ToArray()),
            3 => ("OptionalSingle", typeof(float?), FilterRowFactory.Singles.Cast<object?>().Append(null).ToArray()),
            4 => ("OptionalMood", typeof(Mood?), FilterRowFactory.Moods.Cast<object?>().Append(null).Append((Mood)5).ToArray()),
            _ => ("UInt64", typeof(ulong), FilterRowFactory.UInt64s.Cast<object?>().ToArray()),
        };
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var _ in Enumerable.Range(0, random.Next(0, 5)))
        {
            list.Add(pool[random.Next(pool.Length)]);
        }

        var contains = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(itemType);
        var column = Column(property);
        return Expression.Call(contains, Value(list, list.GetType()), column.Type == itemType ? column : Expression.Convert(column, itemType));
    }

    private Expression ColumnPairAtom()
    {
        var (leftName, rightName) = Pick(ColumnPairs);
        Expression left = Column(leftName);
        Expression right = Column(rightName);
        var op = Pick(Operators);
        var underlyingLeft = Underlying(left.Type);
        var underlyingRight = Underlying(right.Type);
        if (underlyingLeft == typeof(string) || underlyingLeft == typeof(bool) || underlyingLeft.IsEnum)
        {
            op = random.Next(2) == 0 ? ExpressionType.Equal : ExpressionType.NotEqual;
        }

        if (underlyingLeft.IsEnum)
        {
            left = Expression.Convert(left, typeof(int?));
            right = Expression.Convert(right, typeof(int?));
        }
        else if (underlyingLeft != underlyingRight || underlyingLeft == typeof(short) || underlyingLeft == typeof(byte))
        {
            var promoted = underlyingLeft == typeof(short) ? typeof(int) : Promote(underlyingLeft, underlyingRight);
            left = Expression.Convert(left, left.Type == underlyingLeft ? promoted : typeof(Nullable<>).MakeGenericType(promoted));
            right = Expression.Convert(right, right.Type == underlyingRight ? promoted : typeof(Nullable<>).MakeGenericType(promoted));
        }

        return random.Next(2) == 0 ? Compare(left, right, op) : Compare(right, left, op);
    }

    private Expression HasValueAtom()
    {
        var property = Pick(new[] { "Rank", "OptionalDouble", "OptionalPrice", "DeletedAt", "OptionalDay", "OptionalToken", "OptionalMood", "OptionalFlag" });
        var column = Column(property);
        return random.Next(3) == 0 ? Compare(Column("Payload"), Expression.Constant(null, typeof(byte[])), random.Next(2) == 0 ? ExpressionType.Equal : ExpressionType.NotEqual)
            : Expression.Property(column, "HasValue");
    }

    private Expression ListAtom()
    {
        var word = Value(Pick(FilterRowFactory.TagWords), typeof(string));
        var contains = typeof(List<string>).GetMethod(nameof(List<string>.Contains))!;
        if (random.Next(2) == 0)
        {
            return Expression.Call(Column("Tags"), contains, word);
        }

        var optional = Column("OptionalTags");
        return Expression.AndAlso(Expression.NotEqual(optional, Expression.Constant(null, optional.Type)), Expression.Call(optional, contains, word));
    }

    private Expression EqualsAtom() => random.Next(3) switch
    {
        0 => Expression.Call(Column("Double"), typeof(double).GetMethod(nameof(double.Equals), [typeof(double)])!, Value(Pick(FilterRowFactory.Doubles), typeof(double))),
        1 => Expression.Call(Column("Single"), typeof(float).GetMethod(nameof(float.Equals), [typeof(float)])!, Value(Pick(FilterRowFactory.Singles), typeof(float))),
        _ => Expression.Call(Column("Int64"), typeof(long).GetMethod(nameof(long.Equals), [typeof(long)])!, Value(Pick(FilterRowFactory.Int64s), typeof(long))),
    };

    /// <summary>A binary comparison, lifting the non-nullable side when the other is nullable.</summary>
    private static Expression Compare(Expression left, Expression right, ExpressionType op)
    {
        if (left.Type != right.Type)
        {
            if (Nullable.GetUnderlyingType(left.Type) == right.Type)
            {
                right = Expression.Convert(right, left.Type);
            }
            else if (Nullable.GetUnderlyingType(right.Type) == left.Type)
            {
                left = Expression.Convert(left, right.Type);
            }
        }

        return Expression.MakeBinary(op, left, right);
    }

    /// <summary>A value inlined as a constant or captured in a closure (as a local variable would be).</summary>
    private Expression Value(object? value, Type type)
    {
        if (random.Next(2) == 0)
        {
            return Expression.Constant(value, type);
        }

        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), "Value");
    }

    private static MemberExpression Column(string property) => Expression.Property(X, property);

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}
