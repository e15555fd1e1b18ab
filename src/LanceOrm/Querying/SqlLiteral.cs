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
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
    /// Formats a value for a column of the given kind (enums as member names, Guids as lower-case "D", timestamps as
    /// UTC microsecond <c>TIMESTAMP</c> literals, dates as <c>DATE</c> literals).
    /// </summary>
    /// <exception cref="NotSupportedException">The value has no SQL literal form (NaN, infinities, unknown types).</exception>
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
            DateTime dt => Timestamp(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            DateTimeOffset dto => Timestamp(dto.UtcDateTime),
            DateOnly d => "DATE " + Quote(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            float f when float.IsFinite(f) => f.ToString("R", CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
            float or double => throw new NotSupportedException($"The value {value} has no SQL literal (NaN and infinities cannot be compared)."),
            _ => throw new NotSupportedException($"Values of type {value.GetType().Name} cannot be used in a LanceDB filter."),
        };
    }

    private static string Timestamp(DateTime utc) =>
        "TIMESTAMP " + Quote(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    private static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong;
}
