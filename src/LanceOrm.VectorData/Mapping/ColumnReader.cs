using Apache.Arrow;
using LanceOrm.Mapping;
using Microsoft.Extensions.AI;

namespace LanceOrm.VectorData.Mapping;

/// <summary>Reads one value of a column as the .NET type of its MEVD property.</summary>
internal static class ColumnReader
{
    /// <summary>The value at <paramref name="row"/>, as <paramref name="type"/> (null for a null cell).</summary>
    public static object? Read(IArrowArray array, int row, LanceColumnInfo column, Type type)
    {
        if (array.IsNull(row))
        {
            return null;
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        return column.Kind switch
        {
            LanceValueKind.String => ((StringArray)array).GetString(row),
            LanceValueKind.Boolean => ((BooleanArray)array).GetValue(row),
            LanceValueKind.Int8 => ((Int8Array)array).GetValue(row),
            LanceValueKind.Int16 => ((Int16Array)array).GetValue(row),
            LanceValueKind.Int32 => ((Int32Array)array).GetValue(row),
            LanceValueKind.Int64 => ((Int64Array)array).GetValue(row),
            LanceValueKind.UInt8 => ((UInt8Array)array).GetValue(row),
            LanceValueKind.UInt16 => ((UInt16Array)array).GetValue(row),
            LanceValueKind.UInt32 => ((UInt32Array)array).GetValue(row),
            LanceValueKind.UInt64 => ((UInt64Array)array).GetValue(row),
            LanceValueKind.Float => ((FloatArray)array).GetValue(row),
            LanceValueKind.Double => ((DoubleArray)array).GetValue(row),
            LanceValueKind.Decimal => ((Decimal128Array)array).GetValue(row),
            LanceValueKind.Timestamp when t == typeof(DateTimeOffset) => ((TimestampArray)array).GetTimestamp(row),
            LanceValueKind.Timestamp => ArrowColumnReader.GetUtcDateTime((TimestampArray)array, row),
            LanceValueKind.Date => ((Date32Array)array).GetDateOnly(row),
            LanceValueKind.Guid => ArrowColumnReader.GetGuid((StringArray)array, row),
            LanceValueKind.Binary => ArrowColumnReader.GetBytes((BinaryArray)array, row),
            LanceValueKind.StringList when t == typeof(List<string>) => ArrowColumnReader.GetStringList((ListArray)array, row),
            LanceValueKind.StringList => ArrowColumnReader.GetStringArray((ListArray)array, row),
            LanceValueKind.Vector when t == typeof(float[]) => ArrowColumnReader.GetVectorArray((FixedSizeListArray)array, row),
            LanceValueKind.Vector when t == typeof(Embedding<float>) => new Embedding<float>(ArrowColumnReader.GetVectorMemory((FixedSizeListArray)array, row)!.Value),
            LanceValueKind.Vector => ArrowColumnReader.GetVectorMemory((FixedSizeListArray)array, row),
            _ => throw new NotSupportedException($"Column '{column.ColumnName}' of kind {column.Kind} cannot be read."),
        };
    }
}
