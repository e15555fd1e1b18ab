using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// The read path: <c>ReadBatch</c> finds each column once (<c>ArrowBatchReader</c>, type-checked), then sets one
/// property per present column and row — in the object initializer for <c>required</c>/<c>init</c> properties.
/// </summary>
internal static partial class MapEmitter
{
    private const string Reader = Mapping + ".ArrowColumnReader";

    private static void WriteReadBatch(SourceWriter writer, EntitySpec entity)
    {
        var t = entity.FullName;
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock($"public {Collections}.IReadOnlyList<{t}> ReadBatch({Arrow}.RecordBatch batch)");
        writer.WriteLine($"var reader = new {Mapping}.ArrowBatchReader(batch, Table, {Literals.String(entity.Name)});");
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var column = entity.Columns[i];
            if (column.Property is null)
            {
                continue;
            }

            writer.WriteLine(column.IsVector
                ? $"var column{i} = reader.FindVector(s_columns[{Int(i)}]);"
                : $"var column{i} = reader.Find<{ArrowTypes.ArrayClass(column)}>(s_columns[{Int(i)}]);");
        }

        for (var x = 0; x < entity.SearchExtras.Count; x++)
        {
            writer.WriteLine($"var extra{x} = reader.FindExtra({Literals.String(entity.SearchExtras[x].ColumnName)});");
        }

        writer.WriteLine($"var entities = new {t}[reader.Length];");
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
                writer.WriteLine($"{Literals.Identifier(property.Name)} = column{i} is null ? {Fallback(entity, property)} : {ReadExpression(entity, property, $"column{i}")},");
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
                writer.WriteLine($"if (column{i} is not null) entity.{Literals.Identifier(property.Name)} = {ReadExpression(entity, property, $"column{i}")};");
            }
        }

        for (var x = 0; x < entity.SearchExtras.Count; x++)
        {
            var extra = entity.SearchExtras[x];
            if (!extra.SetInInitializer)
            {
                writer.WriteLine($"if (extra{x} is not null) entity.{Literals.Identifier(extra.Name)} = {ExtraValue(extra, x)};");
            }
        }

        writer.WriteLine("entities[row] = entity;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return entities;");
        writer.CloseBlock();
    }

    private static string ExtraValue(SearchExtraSpec extra, int index)
    {
        var reader = extra.Kind is ValueKind.Int64 or ValueKind.UInt64 ? "GetRowId" : "GetReal";
        var raw = $"{Reader}.{reader}(extra{index}, row)";
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

    /// <summary>The value of <paramref name="property"/> at <c>row</c> of the (non-null) array <paramref name="array"/>.</summary>
    private static string ReadExpression(EntitySpec entity, PropertySpec property, string array)
    {
        var n = property.IsNullable;
        var orDefault = n ? "" : ".GetValueOrDefault()";
        return property.Kind switch
        {
            ValueKind.String when property.Shape == ClrShape.FileInfo => $"{Reader}.GetFile({array}, row){(n ? "" : $" ?? throw {NullFileError(entity, property)}")}",
            ValueKind.String => n ? $"{array}.GetString(row)" : $"{array}.GetString(row) ?? \"\"",
            ValueKind.Binary when property.Shape == ClrShape.ReadOnlyMemory => $"{Reader}.GetByteMemory({array}, row){(property.IsNullableValueType ? "" : ".GetValueOrDefault()")}",
            ValueKind.Timestamp when property.Shape == ClrShape.DateTime => $"{Reader}.GetUtcDateTime({array}, row){orDefault}",
            ValueKind.Timestamp => $"{array}.GetTimestamp(row){orDefault}",
            ValueKind.Date => $"{array}.GetDateOnly(row){orDefault}",
            ValueKind.Guid => $"{Reader}.GetGuid({array}, row){orDefault}",
            ValueKind.Enum => $"{Reader}.GetEnum({array}, row, Parse{EnumSuffix(entity, property)}){orDefault}",
            ValueKind.Binary => $"{Reader}.GetBytes({array}, row){(n ? "" : " ?? global::System.Array.Empty<byte>()")}",
            ValueKind.StringList => StringListRead(property, array),
            ValueKind.Vector when property.Shape == ClrShape.Array => $"{Reader}.GetVectorArray({array}, row){(n ? "" : " ?? global::System.Array.Empty<float>()")}",
            ValueKind.Vector => $"{Reader}.GetVectorMemory({array}, row){(property.IsNullableValueType ? "" : ".GetValueOrDefault()")}",
            _ => $"{array}.GetValue(row){orDefault}",
        };
    }

    private static string StringListRead(PropertySpec property, string array)
    {
        var isList = property.Shape is ClrShape.List or ClrShape.MutableInterface;
        var method = (isList, property.ElementNullable) switch
        {
            (true, true) => "GetNullableStringList",
            (true, false) => "GetStringList",
            (false, true) => "GetNullableStringArray",
            _ => "GetStringArray",
        };
        var read = $"{Reader}.{method}({array}, row)";
        return property.IsNullable ? read : $"{read} ?? {EmptyStringList(property)}";
    }

    /// <summary>The value a property gets when its column is absent from a batch and it must be set in the initializer.</summary>
    private static string Fallback(EntitySpec entity, PropertySpec property)
    {
        if (property.IsNullable)
        {
            return property.Kind == ValueKind.Vector && !property.IsNullableValueType && property.Shape != ClrShape.Array ? "default" : "null";
        }

        return property.Kind switch
        {
            ValueKind.String when property.Shape == ClrShape.FileInfo => $"throw {NullFileError(entity, property)}",
            ValueKind.String => "\"\"",
            ValueKind.Binary when property.Shape == ClrShape.ReadOnlyMemory => "default",
            ValueKind.Binary => "global::System.Array.Empty<byte>()",
            ValueKind.StringList => EmptyStringList(property),
            ValueKind.Vector when property.Shape == ClrShape.Array => "global::System.Array.Empty<float>()",
            _ => "default",
        };
    }

    /// <summary>A non-nullable <c>FileInfo</c> has no empty value: a null (or absent) path is an error naming the column.</summary>
    private static string NullFileError(EntitySpec entity, PropertySpec property) =>
        $"new global::System.InvalidOperationException({Literals.String($"Column '{property.ColumnName}' of table '{entity.TableName}' holds no path, but {entity.Name}.{property.Name} is a non-nullable FileInfo; declare it FileInfo? to read such rows.")})";

    private static string EmptyStringList(PropertySpec property)
    {
        var element = property.ElementNullable ? "string?" : "string";
        return property.Shape is ClrShape.List or ClrShape.MutableInterface
            ? $"new {Collections}.List<{element}>()"
            : $"global::System.Array.Empty<{element}>()";
    }
}
