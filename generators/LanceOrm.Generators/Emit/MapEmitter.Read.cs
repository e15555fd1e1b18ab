using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The read path: <c>ReadBatch</c> and one reader method per property column.</summary>
internal static partial class MapEmitter
{
    private static void WriteReadBatch(SourceWriter writer, EntitySpec entity)
    {
        var t = entity.FullName;
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock($"public {Collections}.IReadOnlyList<{t}> ReadBatch({Arrow}.RecordBatch batch)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(batch);");
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var column = entity.Columns[i];
            if (column.Property is null)
            {
                continue;
            }

            writer.WriteLine(column.IsVector
                ? $"var column{i} = FindVector(batch, {Literals.String(column.ColumnName)}, {Int(column.VectorDimensions)});"
                : $"var column{i} = Find<{ArrowTypes.ArrayClass(column)}>(batch, {Literals.String(column.ColumnName)}, {Literals.String(ArrowTypes.DisplayName(column))});");
        }

        for (var x = 0; x < entity.SearchExtras.Count; x++)
        {
            writer.WriteLine($"var extra{x} = FindExtra(batch, {Literals.String(entity.SearchExtras[x].ColumnName)});");
        }

        writer.WriteLine($"var entities = new {t}[batch.Length];");
        writer.OpenBlock("for (var row = 0; row < entities.Length; row++)");

        var initialized = Enumerable.Range(0, entity.Columns.Count)
            .Where(i => entity.Columns[i].Property is { SetInInitializer: true })
            .ToList();
        var initializedExtras = Enumerable.Range(0, entity.SearchExtras.Count).Where(x => entity.SearchExtras[x].SetInInitializer).ToList();
        if (initialized.Count == 0 && initializedExtras.Count == 0)
        {
            writer.WriteLine($"var entity = new {t}();");
        }
        else
        {
            writer.WriteLine($"var entity = new {t}");
            writer.OpenBlock();
            foreach (var i in initialized)
            {
                var property = entity.Columns[i].Property!;
                writer.WriteLine($"{Literals.Identifier(property.Name)} = column{i} is null ? {Fallback(property)} : ReadColumn{i}(column{i}, row),");
            }

            foreach (var x in initializedExtras)
            {
                var extra = entity.SearchExtras[x];
                writer.WriteLine($"{Literals.Identifier(extra.Name)} = extra{x} is null ? default : {ExtraValue(extra, x)},");
            }

            writer.CloseBlock(";");
        }

        for (var i = 0; i < entity.Columns.Count; i++)
        {
            if (entity.Columns[i].Property is { SetInInitializer: false } property)
            {
                writer.OpenBlock($"if (column{i} is not null)");
                writer.WriteLine($"entity.{Literals.Identifier(property.Name)} = ReadColumn{i}(column{i}, row);");
                writer.CloseBlock();
                writer.WriteLine();
            }
        }

        for (var x = 0; x < entity.SearchExtras.Count; x++)
        {
            var extra = entity.SearchExtras[x];
            if (!extra.SetInInitializer)
            {
                writer.OpenBlock($"if (extra{x} is not null)");
                writer.WriteLine($"entity.{Literals.Identifier(extra.Name)} = {ExtraValue(extra, x)};");
                writer.CloseBlock();
                writer.WriteLine();
            }
        }

        writer.WriteLine("entities[row] = entity;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return entities;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static string ExtraValue(SearchExtraSpec extra, int index)
    {
        var reader = extra.Kind is ValueKind.Int64 or ValueKind.UInt64 ? "ReadRowId" : "ReadReal";
        var raw = $"{reader}(extra{index}, row)";
        var clr = extra.Kind switch
        {
            ValueKind.Float => "float",
            ValueKind.Double => "double",
            ValueKind.Int64 => "long",
            _ => "ulong",
        };
        var needsCast = extra.Kind is ValueKind.Float or ValueKind.Int64;
        return extra.IsNullable
            ? needsCast ? $"({clr}?){raw}" : raw
            : needsCast ? $"({clr}){raw}.GetValueOrDefault()" : $"{raw}.GetValueOrDefault()";
    }

    private static void WriteColumnReaders(SourceWriter writer, EntitySpec entity)
    {
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var column = entity.Columns[i];
            if (column.Property is not { } property)
            {
                continue;
            }

            var signature = $"private static {property.TypeName} ReadColumn{i}({ArrowTypes.ArrayClass(column)} array, int row)";
            switch (property.Kind)
            {
                case ValueKind.StringList:
                    WriteStringListReader(writer, signature, property);
                    break;
                case ValueKind.Vector:
                    WriteVectorReader(writer, signature, property, column.VectorDimensions);
                    break;
                default:
                    writer.WriteLine($"{signature} =>");
                    writer.WriteLine($"    {ScalarReadExpression(property)};");
                    break;
            }

            writer.WriteLine();
        }
    }

    private static string ScalarReadExpression(PropertySpec property)
    {
        var n = property.IsNullable;
        var orDefault = n ? "" : ".GetValueOrDefault()";
        return property.Kind switch
        {
            ValueKind.String => n ? "array.GetString(row)" : "array.GetString(row) ?? \"\"",
            ValueKind.Timestamp when property.Shape == ClrShape.DateTime => $"(array.GetTimestamp(row)?.UtcDateTime){orDefault}",
            ValueKind.Timestamp => $"array.GetTimestamp(row){orDefault}",
            ValueKind.Date => $"array.GetDateOnly(row){orDefault}",
            ValueKind.Guid => $"array.GetString(row) is {{ }} text ? global::System.Guid.Parse(text) : {(n ? "null" : "default")}",
            ValueKind.Enum => $"array.GetString(row) is {{ }} text ? Parse{property.Name}(text) : {(n ? "null" : "default")}",
            ValueKind.Binary => $"array.IsNull(row) ? {(n ? "null" : "global::System.Array.Empty<byte>()")} : array.GetBytes(row).ToArray()",
            _ => $"array.GetValue(row){orDefault}",
        };
    }

    private static void WriteStringListReader(SourceWriter writer, string signature, PropertySpec property)
    {
        var element = property.ElementNullable ? "string?" : "string";
        var item = property.ElementNullable ? "values.GetString(start + k)" : "values.GetString(start + k) ?? \"\"";
        var isList = property.Shape is ClrShape.List or ClrShape.MutableInterface;
        writer.OpenBlock(signature);
        writer.WriteLine($$"""
            if (array.IsNull(row))
            {
                return {{(property.IsNullable ? "null" : EmptyStringList(property))}};
            }

            var values = array.Values as {{Arrow}}.StringArray ?? throw ColumnTypeMismatch("{{Escape(property.ColumnName)}}", "list<utf8>", array);
            var offsets = array.ValueOffsets;
            var start = offsets[row];
            var length = offsets[row + 1] - start;
            """);
        if (isList)
        {
            writer.WriteLine($$"""
                var result = new {{Collections}}.List<{{element}}>(length);
                for (var k = 0; k < length; k++)
                {
                    result.Add({{item}});
                }
                """);
        }
        else
        {
            writer.WriteLine($$"""
                var result = new {{element}}[length];
                for (var k = 0; k < length; k++)
                {
                    result[k] = {{item}};
                }
                """);
        }

        writer.WriteLine();
        writer.WriteLine("return result;");
        writer.CloseBlock();
    }

    private static void WriteVectorReader(SourceWriter writer, string signature, PropertySpec property, int dimensions)
    {
        var dims = Int(dimensions);
        var isArray = property.Shape == ClrShape.Array;
        var whenNull = isArray
            ? property.IsNullable ? "null" : "global::System.Array.Empty<float>()"
            : property.IsNullableValueType ? "null" : "default";
        var copy = $"(({Arrow}.FloatArray)array.Values).Values.Slice((array.Offset + row) * {dims}, {dims}).ToArray()";
        writer.OpenBlock(signature);
        writer.WriteLine($$"""
            if (array.IsNull(row))
            {
                return {{whenNull}};
            }

            return {{(isArray ? copy : $"new global::System.ReadOnlyMemory<float>({copy})")}};
            """);
        writer.CloseBlock();
    }

    /// <summary>The value a property gets when its column is absent from a batch and it must be set in the initializer.</summary>
    private static string Fallback(PropertySpec property)
    {
        if (property.IsNullable)
        {
            return property.Kind == ValueKind.Vector && !property.IsNullableValueType && property.Shape != ClrShape.Array ? "default" : "null";
        }

        return property.Kind switch
        {
            ValueKind.String => "\"\"",
            ValueKind.Binary => "global::System.Array.Empty<byte>()",
            ValueKind.StringList => EmptyStringList(property),
            ValueKind.Vector when property.Shape == ClrShape.Array => "global::System.Array.Empty<float>()",
            _ => "default",
        };
    }

    private static string EmptyStringList(PropertySpec property)
    {
        var element = property.ElementNullable ? "string?" : "string";
        return property.Shape is ClrShape.List or ClrShape.MutableInterface
            ? $"new {Collections}.List<{element}>()"
            : $"global::System.Array.Empty<{element}>()";
    }
}
