using System.Globalization;
using System.Text;
using LanceOrm.Mapping;

namespace LanceOrm.Querying;

/// <summary>
/// Formats .NET values as LanceDB (DataFusion) SQL literals. Strings are single-quoted with quotes doubled — the engine
/// treats backslashes in string literals as ordinary characters — so no value can end the literal early.
/// </summary>
internal static class SqlLiteral
{
    /// <summary>The LIKE escape character (the only one the engine supports).</summary>
    public const char LikeEscape = '\\';

    /// <summary>A quoted string literal.</summary>
    /// <exception cref="NotSupportedException">The string holds a lone surrogate, which UTF-8 cannot carry (it would arrive as U+FFFD).</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new NotSupportedException("A string value holds a lone surrogate (half of a UTF-16 pair), which has no UTF-8 form.");
            }
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Escapes LIKE wildcards (<c>%</c>, <c>_</c>) and the escape character itself in a pattern fragment.</summary>
    public static string EscapeLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '%' or '_' or LikeEscape)
            {
                builder.Append(LikeEscape);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A quoted column name (backticks; names come from the mapping, never from user input).</summary>
    public static string Column(string name)
    {
        if (name.Contains('`', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Column name '{name}' contains a backtick and cannot be quoted.");
        }

        return "`" + name + "`";
    }

    /// <summary>
    /// Formats a value for a column of the given kind as a literal of the column's type: enums as member names, Guids as
    /// lower-case "D", timestamps as UTC microsecond <c>TIMESTAMP</c> literals (local times converted, unspecified taken
    /// as UTC, as the writer stores them), dates as <c>DATE</c> literals, decimals as <c>DECIMAL(38, 9)</c>, 64-bit
    /// integers outside the parser's range as casts, and NaN and infinities as casts of their names.
    /// </summary>
    /// <exception cref="NotSupportedException">The value has no SQL literal form (unknown types).</exception>
    public static string Format(object? value, LanceColumnInfo? column = null)
    {
        if (value is null)
        {
            return "NULL";
        }

        if (column is { Kind: LanceValueKind.Enum, EnumType: { } enumType } && value.GetType() != enumType && IsInteger(value))
        {
            value = Enum.ToObject(enumType, value);
        }

        return value switch
        {
            string s => Quote(s),
            char c => Quote(c.ToString()),
            bool b => b ? "TRUE" : "FALSE",
            Enum e => Quote(e.ToString()),
            Guid g => Quote(g.ToString("D")),
            DateTime dt => Timestamp(ToUtc(dt)),
            DateTimeOffset dto => Timestamp(dto.UtcDateTime),
            DateOnly d => "DATE " + Quote(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            float f => Double(f),
            double d => Double(d),
            decimal m => Decimal(m),
            long l => Int64(l),
            ulong u => UInt64(u),
            sbyte or byte or short or ushort or int or uint => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
            ReadOnlyMemory<byte> memory => "X'" + Convert.ToHexString(memory.Span) + "'",
            _ => throw new NotSupportedException($"Values of type {value.GetType().Name} cannot be used in a LanceDB filter."),
        };
    }

    /// <summary>
    /// A float64 literal holding <paramref name="value"/> exactly (shortest round-trip form); NaN and infinities as casts
    /// of their names. A float32 value is widened first, so the engine narrows it back to the same float.
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "CAST('NaN' AS DOUBLE)";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "1E+308" is a float64 literal to the engine; an integral "5" would be an integer literal: keep it floating.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A <c>DECIMAL(38, 9)</c> literal (a bare fraction would be a float64, which the engine refuses against decimal128).</summary>
    /// <exception cref="NotSupportedException">The value has more than 9 fractional digits, which the cast would round.</exception>
    public static string Decimal(decimal value) =>
        decimal.Round(value, 9) == value
            ? "CAST(" + Quote(value.ToString(CultureInfo.InvariantCulture)) + " AS DECIMAL(38, 9))"
            : throw new NotSupportedException($"The decimal {value.ToString(CultureInfo.InvariantCulture)} has more than 9 fractional digits; decimal128(38, 9) would round it.");

    /// <summary>An int64 literal; <see cref="long.MinValue"/> (whose magnitude the parser reads as a float) as a cast.</summary>
    public static string Int64(long value) =>
        value == long.MinValue ? "CAST('-9223372036854775808' AS BIGINT)" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A uint64 literal; values above <see cref="long.MaxValue"/> (which the parser reads as floats) as casts.</summary>
    public static string UInt64(ulong value) =>
        value > long.MaxValue ? "CAST(" + Quote(value.ToString(CultureInfo.InvariantCulture)) + " AS BIGINT UNSIGNED)" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>How the writer stores a <see cref="DateTime"/>: local times converted to UTC, unspecified ones taken as UTC.</summary>
    public static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string Timestamp(DateTime utc) =>
        "TIMESTAMP " + Quote(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    private static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong;
}
