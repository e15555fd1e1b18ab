using System.Globalization;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The Apache.Arrow type, array and builder for each storage kind (see <c>generators/README.md</c>).</summary>
internal static class ArrowTypes
{
    public const string Ns = "global::Apache.Arrow";
    public const string TypesNs = "global::Apache.Arrow.Types";

    /// <summary>The expression creating the column's Arrow type.</summary>
    public static string TypeExpression(ColumnSpec column)
    {
        if (column.IsVector)
        {
            return $"new {TypesNs}.FixedSizeListType(new {Ns}.Field(\"item\", {TypesNs}.FloatType.Default, true), {column.VectorDimensions.ToString(CultureInfo.InvariantCulture)})";
        }

        return column.Property!.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.Enum => $"{TypesNs}.StringType.Default",
            ValueKind.Boolean => $"{TypesNs}.BooleanType.Default",
            ValueKind.Int8 => $"{TypesNs}.Int8Type.Default",
            ValueKind.Int16 => $"{TypesNs}.Int16Type.Default",
            ValueKind.Int32 => $"{TypesNs}.Int32Type.Default",
            ValueKind.Int64 => $"{TypesNs}.Int64Type.Default",
            ValueKind.UInt8 => $"{TypesNs}.UInt8Type.Default",
            ValueKind.UInt16 => $"{TypesNs}.UInt16Type.Default",
            ValueKind.UInt32 => $"{TypesNs}.UInt32Type.Default",
            ValueKind.UInt64 => $"{TypesNs}.UInt64Type.Default",
            ValueKind.Float => $"{TypesNs}.FloatType.Default",
            ValueKind.Double => $"{TypesNs}.DoubleType.Default",
            ValueKind.Decimal => $"new {TypesNs}.Decimal128Type(38, 9)",
            ValueKind.Timestamp => $"new {TypesNs}.TimestampType({TypesNs}.TimeUnit.Microsecond, \"UTC\")",
            ValueKind.Date => $"{TypesNs}.Date32Type.Default",
            ValueKind.Binary => $"{TypesNs}.BinaryType.Default",
            ValueKind.StringList => $"new {TypesNs}.ListType(new {Ns}.Field(\"item\", {TypesNs}.StringType.Default, true))",
            _ => throw new System.ArgumentOutOfRangeException(nameof(column)),
        };
    }

    /// <summary>The static type of the column's type field.</summary>
    public static string TypeClass(ColumnSpec column)
    {
        if (column.IsVector)
        {
            return $"{TypesNs}.FixedSizeListType";
        }

        return column.Property!.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.Enum => $"{TypesNs}.StringType",
            ValueKind.Boolean => $"{TypesNs}.BooleanType",
            ValueKind.Decimal => $"{TypesNs}.Decimal128Type",
            ValueKind.Timestamp => $"{TypesNs}.TimestampType",
            ValueKind.Date => $"{TypesNs}.Date32Type",
            ValueKind.Binary => $"{TypesNs}.BinaryType",
            ValueKind.StringList => $"{TypesNs}.ListType",
            var k => $"{TypesNs}.{PrimitiveName(k)}Type",
        };
    }

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

    /// <summary>The Arrow type name used in error messages.</summary>
    public static string DisplayName(ColumnSpec column)
    {
        if (column.IsVector)
        {
            return $"fixed_size_list<float32>[{column.VectorDimensions.ToString(CultureInfo.InvariantCulture)}]";
        }

        return column.Property!.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.Enum => "utf8",
            ValueKind.Boolean => "bool",
            ValueKind.Int8 => "int8",
            ValueKind.Int16 => "int16",
            ValueKind.Int32 => "int32",
            ValueKind.Int64 => "int64",
            ValueKind.UInt8 => "uint8",
            ValueKind.UInt16 => "uint16",
            ValueKind.UInt32 => "uint32",
            ValueKind.UInt64 => "uint64",
            ValueKind.Float => "float32",
            ValueKind.Double => "float64",
            ValueKind.Decimal => "decimal128(38, 9)",
            ValueKind.Timestamp => "timestamp[us, tz=UTC]",
            ValueKind.Date => "date32",
            ValueKind.Binary => "binary",
            ValueKind.StringList => "list<utf8>",
            _ => "?",
        };
    }

    /// <summary>The builder creation expression (sized for <c>count</c> rows).</summary>
    public static string NewBuilder(ColumnSpec column, string typeField)
    {
        var kind = column.Property!.Kind;
        return kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.Enum => $"new {Ns}.StringArray.Builder().Reserve(count)",
            ValueKind.Boolean => $"new {Ns}.BooleanArray.Builder().Reserve(count)",
            ValueKind.Decimal => $"new {Ns}.Decimal128Array.Builder({typeField}).Reserve(count)",
            ValueKind.Timestamp => $"new {Ns}.TimestampArray.Builder({typeField}).Reserve(count)",
            ValueKind.Date => $"new {Ns}.Date32Array.Builder().Reserve(count)",
            ValueKind.Binary => $"new {Ns}.BinaryArray.Builder().Reserve(count)",
            ValueKind.StringList => $"new {Ns}.ListArray.Builder({typeField}.ValueField).Reserve(count)",
            var k => $"new {Ns}.{PrimitiveName(k)}Array.Builder().Reserve(count)",
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
