using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>Private helpers of a generated map: column lookup, typed errors, enum and timestamp conversions.</summary>
internal static partial class MapEmitter
{
    private static void WriteHelpers(SourceWriter writer, EntitySpec entity)
    {
        var table = Escape(entity.TableName);
        writer.WriteLine($$"""
            private static TArray? Find<TArray>({{Arrow}}.RecordBatch batch, string column, string expected)
                where TArray : class, {{Arrow}}.IArrowArray
            {
                var index = batch.Schema.GetFieldIndex(column, global::System.StringComparer.Ordinal);
                if (index < 0)
                {
                    return null;
                }

                var array = batch.Column(index);
                return array as TArray ?? throw ColumnTypeMismatch(column, expected, array);
            }

            private static global::System.InvalidOperationException ColumnTypeMismatch(string column, string expected, {{Arrow}}.IArrowArray actual) =>
                new global::System.InvalidOperationException($"Column '{column}' of table '{{table}}' holds {actual.Data.DataType.Name}; {{entity.Name}} maps it as {expected}.");
            """);

        if (entity.Columns.Any(c => c.Property is { Kind: ValueKind.Vector }))
        {
            writer.WriteLine($$"""

                private static {{Arrow}}.FixedSizeListArray? FindVector({{Arrow}}.RecordBatch batch, string column, int dimensions)
                {
                    var expected = $"fixed_size_list<float32>[{dimensions}]";
                    var array = Find<{{Arrow}}.FixedSizeListArray>(batch, column, expected);
                    if (array is not null && (array.Data.DataType is not {{ArrowTypes.TypesNs}}.FixedSizeListType { ListSize: var size } || size != dimensions || array.Values is not {{Arrow}}.FloatArray))
                    {
                        throw ColumnTypeMismatch(column, expected, array);
                    }

                    return array;
                }
                """);
        }

        if (entity.Columns.Any(c => c.Property is { Kind: ValueKind.String or ValueKind.Binary or ValueKind.StringList, IsNullable: false }))
        {
            writer.WriteLine($$"""

                private static global::System.ArgumentException NullValue(int row, string property, string column) =>
                    new global::System.ArgumentException($"entities[{row}].{property} is null, but column '{column}' of table '{{table}}' is not nullable.", "entities");
                """);
        }

        if (entity.Columns.Any(c => c.Property is { Kind: ValueKind.Timestamp, Shape: ClrShape.DateTime }))
        {
            writer.WriteLine("""

                /// <summary>Local times are converted to UTC; unspecified times are taken as UTC.</summary>
                private static global::System.DateTimeOffset ToUtcTimestamp(global::System.DateTime value) =>
                    new global::System.DateTimeOffset(value.Kind == global::System.DateTimeKind.Local
                        ? value.ToUniversalTime()
                        : global::System.DateTime.SpecifyKind(value, global::System.DateTimeKind.Utc));
                """);
        }

        if (entity.Columns.Any(c => c.Property is { Kind: ValueKind.Decimal }))
        {
            writer.WriteLine("""

                /// <summary>decimal128(38, 9) holds 9 fractional digits: trailing zeros are dropped, anything else is an error (never rounded).</summary>
                private static decimal FitDecimal(decimal value, int row, string property, string column)
                {
                    var fitted = global::System.Math.Round(value, 9);
                    return fitted == value
                        ? fitted
                        : throw new global::System.ArgumentException($"entities[{row}].{property} has more than 9 fractional digits; column '{column}' is decimal128(38, 9) and would round it.", "entities");
                }
                """);
        }

        foreach (var property in entity.Columns.Select(c => c.Property).Where(p => p is { Kind: ValueKind.Enum }))
        {
            WriteEnumConverters(writer, property!);
        }

        if (entity.SearchExtras.Count > 0)
        {
            writer.WriteLine($$"""

                private static {{Arrow}}.IArrowArray? FindExtra({{Arrow}}.RecordBatch batch, string column)
                {
                    var index = batch.Schema.GetFieldIndex(column, global::System.StringComparer.Ordinal);
                    return index < 0 ? null : batch.Column(index);
                }

                private static double? ReadReal({{Arrow}}.IArrowArray? array, int row) => array switch
                {
                    {{Arrow}}.FloatArray values => values.GetValue(row),
                    {{Arrow}}.DoubleArray values => values.GetValue(row),
                    _ => null,
                };

                private static ulong? ReadRowId({{Arrow}}.IArrowArray? array, int row) => array switch
                {
                    {{Arrow}}.UInt64Array values => values.GetValue(row),
                    {{Arrow}}.Int64Array values => values.GetValue(row) is { } value ? unchecked((ulong)value) : null,
                    _ => null,
                };
                """);
        }
    }

    private static void WriteEnumConverters(SourceWriter writer, PropertySpec property)
    {
        var enumType = property.EnumTypeName!;
        writer.WriteLine();
        writer.WriteLine($"private static string Format{property.Name}({enumType} value) => value switch");
        writer.OpenBlock();
        foreach (var member in property.EnumMembers)
        {
            writer.WriteLine($"{enumType}.{Literals.Identifier(member)} => {Literals.String(member)},");
        }

        writer.WriteLine("_ => value.ToString(),");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine($"private static {enumType} Parse{property.Name}(string text) => text switch");
        writer.OpenBlock();
        foreach (var member in property.EnumMembers)
        {
            writer.WriteLine($"{Literals.String(member)} => {enumType}.{Literals.Identifier(member)},");
        }

        writer.WriteLine($"_ => global::System.Enum.Parse<{enumType}>(text),");
        writer.CloseBlock(";");
    }
}
