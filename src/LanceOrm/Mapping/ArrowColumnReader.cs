using System.ComponentModel;
using Apache.Arrow;

namespace LanceOrm.Mapping;

/// <summary>
/// Reads one cell of an Arrow column as a CLR value, for the kinds whose conversion is more than an Arrow getter.
/// Every method returns null for a null cell; the generated <c>ReadBatch</c> supplies the non-nullable default.
/// Support API of the generated code; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArrowColumnReader
{
    /// <summary>The timestamp as a <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/>.</summary>
    public static DateTime? GetUtcDateTime(TimestampArray array, int row) => array.GetTimestamp(row)?.UtcDateTime;

    /// <summary>The <c>"D"</c>-formatted (or any <see cref="System.Guid.Parse(string)"/> form) text as a <see cref="System.Guid"/>.</summary>
    /// <exception cref="FormatException">The text is not a GUID.</exception>
    public static Guid? GetGuid(StringArray array, int row) => array.GetString(row) is { } text ? System.Guid.Parse(text) : null;

    /// <summary>The member name as <typeparamref name="TEnum"/>, through the generated <paramref name="parse"/> switch.</summary>
    public static TEnum? GetEnum<TEnum>(StringArray array, int row, Func<string, TEnum> parse)
        where TEnum : struct, Enum =>
        array.GetString(row) is { } text ? parse(text) : null;

    /// <summary>A copy of the bytes.</summary>
    public static byte[]? GetBytes(BinaryArray array, int row) => array.IsNull(row) ? null : array.GetBytes(row).ToArray();

    /// <summary>A copy of the bytes as memory (an empty cell reads as empty memory).</summary>
    public static ReadOnlyMemory<byte>? GetByteMemory(BinaryArray array, int row) =>
        GetBytes(array, row) is { } bytes ? new ReadOnlyMemory<byte>(bytes) : (ReadOnlyMemory<byte>?)null;

    /// <summary>The path, as written by <c>FileInfo.ToString()</c> (the path as given), as a <see cref="FileInfo"/>.</summary>
    /// <exception cref="ArgumentException">The cell holds an empty or invalid path.</exception>
    public static FileInfo? GetFile(StringArray array, int row) => array.GetString(row) is { } path ? new FileInfo(path) : null;

    /// <summary>The list as an array; null items are read as <c>""</c>.</summary>
    public static string[]? GetStringArray(ListArray array, int row)
    {
        if (!TryGetRange(array, row, out var values, out var start, out var length))
        {
            return null;
        }

        var result = new string[length];
        for (var k = 0; k < length; k++)
        {
            result[k] = values.GetString(start + k) ?? "";
        }

        return result;
    }

    /// <summary>The list as an array; null items stay null.</summary>
    public static string?[]? GetNullableStringArray(ListArray array, int row)
    {
        if (!TryGetRange(array, row, out var values, out var start, out var length))
        {
            return null;
        }

        var result = new string?[length];
        for (var k = 0; k < length; k++)
        {
            result[k] = values.GetString(start + k);
        }

        return result;
    }

    /// <summary>The list as a <see cref="List{T}"/>; null items are read as <c>""</c>.</summary>
    public static List<string>? GetStringList(ListArray array, int row)
    {
        if (!TryGetRange(array, row, out var values, out var start, out var length))
        {
            return null;
        }

        var result = new List<string>(length);
        for (var k = 0; k < length; k++)
        {
            result.Add(values.GetString(start + k) ?? "");
        }

        return result;
    }

    /// <summary>The list as a <see cref="List{T}"/>; null items stay null.</summary>
    public static List<string?>? GetNullableStringList(ListArray array, int row)
    {
        if (!TryGetRange(array, row, out var values, out var start, out var length))
        {
            return null;
        }

        var result = new List<string?>(length);
        for (var k = 0; k < length; k++)
        {
            result.Add(values.GetString(start + k));
        }

        return result;
    }

    /// <summary>A copy of the vector (the array's <c>fixed_size_list&lt;float32&gt;</c> dimension, checked when the column was found).</summary>
    public static float[]? GetVectorArray(FixedSizeListArray array, int row)
    {
        if (array.IsNull(row))
        {
            return null;
        }

        var dimensions = ((Apache.Arrow.Types.FixedSizeListType)array.Data.DataType).ListSize;
        return ((FloatArray)array.Values).Values.Slice((array.Offset + row) * dimensions, dimensions).ToArray();
    }

    /// <summary>A copy of the vector as memory.</summary>
    public static ReadOnlyMemory<float>? GetVectorMemory(FixedSizeListArray array, int row) =>
        GetVectorArray(array, row) is { } vector ? new ReadOnlyMemory<float>(vector) : (ReadOnlyMemory<float>?)null;

    /// <summary>A <c>float32</c> or <c>float64</c> search score (<c>_distance</c>, <c>_score</c>, <c>_relevance_score</c>); null for other types.</summary>
    public static double? GetReal(IArrowArray? array, int row) => array switch
    {
        FloatArray values => values.GetValue(row),
        DoubleArray values => values.GetValue(row),
        _ => null,
    };

    /// <summary>A <c>uint64</c> or <c>int64</c> <c>_rowid</c>; null for other types.</summary>
    public static ulong? GetRowId(IArrowArray? array, int row) => array switch
    {
        UInt64Array values => values.GetValue(row),
        Int64Array values => values.GetValue(row) is { } value ? unchecked((ulong)value) : null,
        _ => null,
    };

    private static bool TryGetRange(ListArray array, int row, out StringArray values, out int start, out int length)
    {
        values = (StringArray)array.Values;
        if (array.IsNull(row))
        {
            start = length = 0;
            return false;
        }

        var offsets = array.ValueOffsets;
        start = offsets[row];
        length = offsets[row + 1] - start;
        return true;
    }
}
