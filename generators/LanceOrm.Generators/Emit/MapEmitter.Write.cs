using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// The write path: <c>ToRecordBatch</c>, one <c>ArrowColumnWriter</c> call per column with a <c>static</c> typed getter.
/// </summary>
internal static partial class MapEmitter
{
    private const string Arrow = "global::Apache.Arrow";
    private const string Writer = Mapping + ".ArrowColumnWriter";

    private static void WriteToRecordBatch(SourceWriter writer, EntitySpec entity)
    {
        var t = entity.FullName;
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock($"public {Arrow}.RecordBatch ToRecordBatch({Collections}.IReadOnlyList<{t}> entities, {Collections}.IReadOnlyList<global::System.ReadOnlyMemory<float>> embeddingVectors)");
        writer.WriteLine($"var count = {Writer}.CheckBatch(entities, embeddingVectors, {Literals.String(entity.Name)}, s_embeddingList);");
        writer.WriteLine($"var columns = new {Arrow}.IArrowArray[]");
        writer.OpenBlock();
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            writer.WriteLine(WriteColumnCall(entity, i) + ",");
        }

        writer.CloseBlock(";");
        writer.WriteLine($"return new {Arrow}.RecordBatch(s_schema, columns, count);");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static string WriteColumnCall(EntitySpec entity, int index)
    {
        var column = entity.Columns[index];
        if (column.EmbeddingIndex >= 0)
        {
            var e = Int(column.EmbeddingIndex);
            return $"{Writer}.Embedding(entities, embeddingVectors[{e}], s_embeddings[{e}])";
        }

        var property = column.Property!;
        var info = $"s_columns[{Int(index)}]";
        var get = $"static entity => entity.{Literals.Identifier(property.Name)}";
        return property.Kind switch
        {
            ValueKind.Vector => $"{Writer}.Vector(entities, {info}, {get})",
            ValueKind.String when property.Shape == ClrShape.FileInfo => $"{Writer}.String(entities, {info}, Table, {get}?.ToString())",
            ValueKind.String => $"{Writer}.String(entities, {info}, Table, {get})",
            ValueKind.Binary when property.Shape == ClrShape.ReadOnlyMemory => $"{Writer}.BinaryMemory(entities, {info}, Table, {get})",
            ValueKind.Binary => $"{Writer}.Binary(entities, {info}, Table, {get})",
            ValueKind.StringList => $"{Writer}.StringList(entities, {info}, Table, {get})",
            ValueKind.Decimal => $"{Writer}.Decimal(entities, {info}, {get})",
            ValueKind.Enum => $"{Writer}.Enum(entities, {get}, Format{EnumSuffix(entity, property)})",
            ValueKind.Guid => $"{Writer}.Guid(entities, {get})",
            ValueKind.Timestamp => $"{Writer}.Timestamp(entities, {get})",
            ValueKind.Date => $"{Writer}.Date(entities, {get})",
            ValueKind.Boolean => $"{Writer}.Boolean(entities, {get})",
            var kind => $"{Writer}.{ArrowTypes.PrimitiveName(kind)}(entities, {get})",
        };
    }
}
