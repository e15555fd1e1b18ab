using System.Text;

namespace LanceOrm.Generators.Parsing;

/// <summary>Naming conventions and the name rules of the LanceDB client.</summary>
internal static class NameRules
{
    /// <summary>The columns the server adds to search results, which entities may read back.</summary>
    public static readonly string[] SearchExtraColumns = { "_distance", "_score", "_relevance_score", "_rowid" };

    /// <summary>
    /// The LanceDB convention for column names: <c>BodyVector</c> → <c>body_vector</c>, <c>HTMLTitle</c> → <c>html_title</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>English plural of a type name, for the connection extension (<c>Article</c> → <c>Articles</c>, <c>Category</c> → <c>Categories</c>).</summary>
    public static string Pluralize(string name)
    {
        if (name.Length > 1 && name.EndsWith("y", System.StringComparison.Ordinal) && !IsVowel(name[name.Length - 2]))
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        if (name.EndsWith("s", System.StringComparison.Ordinal) || name.EndsWith("x", System.StringComparison.Ordinal) ||
            name.EndsWith("z", System.StringComparison.Ordinal) || name.EndsWith("ch", System.StringComparison.Ordinal) ||
            name.EndsWith("sh", System.StringComparison.Ordinal))
        {
            return name + "es";
        }

        return name + "s";
    }

    /// <summary>The client's table-name rule: non-empty, only ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    public static bool IsValidTableName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name!)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why a column name is invalid, or <c>null</c> when it is valid.</summary>
    public static string? ColumnNameProblem(string? name, bool allowSearchExtra)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a column name cannot be empty";
        }

        foreach (var c in name!)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "a column name cannot contain whitespace or control characters";
            }

            if (c == '.')
            {
                return "'.' separates nested fields in LanceDB column paths";
            }
        }

        if (name[0] == '_' && !(allowSearchExtra && IsSearchExtra(name)))
        {
            return "names starting with '_' are reserved for columns the server adds (_rowid, _distance, _score, _relevance_score)";
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is a column the server adds to search results.</summary>
    public static bool IsSearchExtra(string name) => System.Array.IndexOf(SearchExtraColumns, name) >= 0;

    private static bool IsVowel(char c) => "aeiouAEIOU".IndexOf(c) >= 0;
}
