using System.Globalization;
using System.Text;

namespace LanceOrm.Querying;

/// <summary>A vector as a SQL array literal (<c>[0.5, -0.25, …]</c>), which the engine casts to the column's <c>fixed_size_list&lt;float32&gt;</c>.</summary>
internal static class VectorLiteral
{
    /// <summary>
    /// Each float is written as the exact decimal of its double value, so the engine's Float64 → Float32 cast gives back
    /// the same float (no double rounding); each is a float literal, so the array has one element type.
    /// </summary>
    /// <exception cref="ArgumentException">A component is NaN or infinite (no SQL literal; a vector never holds one).</exception>
    public static string Format(ReadOnlySpan<float> vector)
    {
        var sql = new StringBuilder(vector.Length * 12 + 2).Append('[');
        for (var i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new ArgumentException($"Component {i} of the vector is {vector[i]}; vectors hold finite numbers only.", nameof(vector));
            }

            if (i > 0)
            {
                sql.Append(", ");
            }

            // Every component a float literal: the engine needs one element type ("0" alone would be an integer).
            var text = ((double)vector[i]).ToString("R", CultureInfo.InvariantCulture);
            sql.Append(text.Contains('.', StringComparison.Ordinal) ? text : text.Contains('E', StringComparison.Ordinal) ? text.Replace("E", ".0E", StringComparison.Ordinal) : text + ".0");
        }

        return sql.Append(']').ToString();
    }
}
