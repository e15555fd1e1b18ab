using System.Globalization;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

/// <summary>
/// The values a column can hold, and where a C# comparison value falls among them. A value the column cannot hold
/// exactly (a fraction against an integer column, a double between two floats, a tenth of a microsecond) is replaced by
/// its neighbours, so <c>x.Int32 &gt; 1.5</c> becomes <c>int32 &gt;= 2</c> — what C# computes, and never an engine cast.
/// </summary>
internal static class ColumnDomain
{
    /// <summary>A value of the column's domain (decimal for integers and decimals, double for floats, UTC DateTime for timestamps).</summary>
    public readonly record struct Bounds(object? Below, object? Above);

    /// <summary>Whether the kind is numeric (integers, floats, decimal).</summary>
    public static bool IsNumeric(LanceValueKind kind) => IsInteger(kind) || IsFloating(kind) || kind == LanceValueKind.Decimal;

    /// <summary>Whether the kind is an integer kind.</summary>
    public static bool IsInteger(LanceValueKind kind) => kind is LanceValueKind.Int8 or LanceValueKind.Int16 or LanceValueKind.Int32 or LanceValueKind.Int64
        or LanceValueKind.UInt8 or LanceValueKind.UInt16 or LanceValueKind.UInt32 or LanceValueKind.UInt64;

    /// <summary>Whether the kind is float32 or float64.</summary>
    public static bool IsFloating(LanceValueKind kind) => kind is LanceValueKind.Float or LanceValueKind.Double;

    /// <summary>
    /// Places a numeric comparison value in the column's domain: <c>true</c> with the exact domain value, or <c>false</c>
    /// with its neighbours (either may be null: nothing below or above). NaN is the caller's business.
    /// </summary>
    /// <exception cref="NotSupportedException">C# converts the column's values to a floating type that cannot hold them all exactly, beyond the range where that loses nothing.</exception>
    public static bool TryPlaceNumber(LanceColumnInfo column, object value, Type comparisonType, out object exact, out Bounds bounds)
    {
        bounds = default;
        exact = 0m;
        if (IsFloating(column.Kind))
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (column.Kind == LanceValueKind.Double || double.IsNaN(d) || (double)(float)d == d)
            {
                exact = d;
                return true;
            }

            var nearest = (float)d;
            bounds = nearest > d ? new Bounds((double)MathF.BitDecrement(nearest), (double)nearest) : new Bounds((double)nearest, (double)MathF.BitIncrement(nearest));
            bounds = new Bounds(PositiveZero(bounds.Below), NegativeZero(bounds.Above));
            return false;
        }

        decimal m;
        if (value is double or float)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            var exactRange = comparisonType == typeof(float) ? 16_777_216d : 9_007_199_254_740_992d;
            var (min, max) = IntegerRange(column.Kind);
            if ((min < -(decimal)exactRange || max > (decimal)exactRange) && !(Math.Abs(d) < exactRange) && !double.IsInfinity(d))
            {
                throw new NotSupportedException($"C# converts the {column.Kind} column to {comparisonType.Name}, which rounds values beyond ±{exactRange:0}; compare with an integer value instead.");
            }

            if (Math.Abs(d) >= 1e28 || double.IsInfinity(d))
            {
                bounds = d > 0 ? new Bounds(max, null) : new Bounds(null, min);
                return false;
            }

            m = decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else
        {
            m = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }

        if (column.Kind == LanceValueKind.Decimal)
        {
            if (decimal.Round(m, 9) == m)
            {
                exact = m;
                return true;
            }

            bounds = new Bounds(decimal.Round(m, 9, MidpointRounding.ToNegativeInfinity), decimal.Round(m, 9, MidpointRounding.ToPositiveInfinity));
            return false;
        }

        var (low, high) = IntegerRange(column.Kind);
        if (m > high)
        {
            bounds = new Bounds(high, null);
            return false;
        }

        if (m < low)
        {
            bounds = new Bounds(null, low);
            return false;
        }

        if (decimal.Truncate(m) != m)
        {
            bounds = new Bounds(decimal.Floor(m), decimal.Ceiling(m));
            return false;
        }

        exact = m;
        return true;
    }

    /// <summary>Places a timestamp value (stored in whole microseconds, UTC) like <see cref="TryPlaceNumber"/>.</summary>
    public static bool TryPlaceTimestamp(object value, out DateTime exact, out Bounds bounds)
    {
        var utc = value switch
        {
            DateTime dt => SqlLiteral.ToUtc(dt),
            DateTimeOffset dto => dto.UtcDateTime,
            _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be compared with a timestamp column."),
        };
        var remainder = utc.Ticks % TimeSpan.TicksPerMicrosecond;
        exact = utc;
        if (remainder == 0)
        {
            bounds = default;
            return true;
        }

        var below = utc.AddTicks(-remainder);
        bounds = new Bounds(below, below.Ticks + TimeSpan.TicksPerMicrosecond <= DateTime.MaxValue.Ticks ? below.AddTicks(TimeSpan.TicksPerMicrosecond) : null);
        return false;
    }

    /// <summary>The literal of a domain value produced by <see cref="TryPlaceNumber"/> for the column.</summary>
    public static string NumberLiteral(LanceColumnInfo column, object domainValue) => column.Kind switch
    {
        LanceValueKind.Float or LanceValueKind.Double => SqlLiteral.Double((double)domainValue),
        LanceValueKind.Decimal => SqlLiteral.Decimal((decimal)domainValue),
        LanceValueKind.UInt64 => SqlLiteral.UInt64((ulong)(decimal)domainValue),
        _ => SqlLiteral.Int64((long)(decimal)domainValue),
    };

    private static (decimal Min, decimal Max) IntegerRange(LanceValueKind kind) => kind switch
    {
        LanceValueKind.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        LanceValueKind.Int16 => (short.MinValue, short.MaxValue),
        LanceValueKind.Int32 => (int.MinValue, int.MaxValue),
        LanceValueKind.Int64 => (long.MinValue, long.MaxValue),
        LanceValueKind.UInt8 => (byte.MinValue, byte.MaxValue),
        LanceValueKind.UInt16 => (ushort.MinValue, ushort.MaxValue),
        LanceValueKind.UInt32 => (uint.MinValue, uint.MaxValue),
        LanceValueKind.UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => (decimal.MinValue, decimal.MaxValue),
    };

    // Below a value, +0.0 (so "<= 0.0" takes both zeros); above it, -0.0 (so ">= -0.0" takes both).
    private static object? PositiveZero(object? value) => value is double d && d == 0 ? 0.0 : value;

    private static object? NegativeZero(object? value) => value is double d && d == 0 ? -0.0 : value;
}
