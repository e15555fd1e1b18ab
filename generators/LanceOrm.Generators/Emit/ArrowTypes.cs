using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The Apache.Arrow array class of each storage kind (the Arrow types themselves live in the runtime's <c>LanceArrowTypes</c>).</summary>
internal static class ArrowTypes
{
    public const string Ns = "global::Apache.Arrow";

    /// <summary>The Arrow array class of the column.</summary>
    public static string ArrayClass(ColumnSpec column)
    {
        if (column.IsVector)
        {
            return $"{Ns}.FixedSizeListArray";
        }

        return column.Property!.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.Enum => $"{Ns}.StringArray",
            ValueKind.Boolean => $"{Ns}.BooleanArray",
            ValueKind.Decimal => $"{Ns}.Decimal128Array",
            ValueKind.Timestamp => $"{Ns}.TimestampArray",
            ValueKind.Date => $"{Ns}.Date32Array",
            ValueKind.Binary => $"{Ns}.BinaryArray",
            ValueKind.StringList => $"{Ns}.ListArray",
            var k => $"{Ns}.{PrimitiveName(k)}Array",
        };
    }

    /// <summary>The Arrow class-name stem of a primitive numeric kind.</summary>
    public static string PrimitiveName(ValueKind kind) => kind switch
    {
        ValueKind.Int8 => "Int8",
        ValueKind.Int16 => "Int16",
        ValueKind.Int32 => "Int32",
        ValueKind.Int64 => "Int64",
        ValueKind.UInt8 => "UInt8",
        ValueKind.UInt16 => "UInt16",
        ValueKind.UInt32 => "UInt32",
        ValueKind.UInt64 => "UInt64",
        ValueKind.Float => "Float",
        ValueKind.Double => "Double",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
    };
}
