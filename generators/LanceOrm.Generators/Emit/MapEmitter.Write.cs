using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The write path: <c>ToRecordBatch</c> and one writer method per column.</summary>
internal static partial class MapEmitter
{
    private const string Arrow = "global::Apache.Arrow";

    private static void WriteToRecordBatch(SourceWriter writer, EntitySpec entity)
    {
        var t = entity.FullName;
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock($"public {Arrow}.RecordBatch ToRecordBatch({Collections}.IReadOnlyList<{t}> entities, {Collections}.IReadOnlyList<global::System.ReadOnlyMemory<float>> embeddingVectors)");
        var embeddingNames = string.Join(", ", entity.Embeddings.Select(e => $"{e.PropertyName} -> {e.VectorColumn}"));
        writer.WriteLine($$"""
            global::System.ArgumentNullException.ThrowIfNull(entities);
            global::System.ArgumentNullException.ThrowIfNull(embeddingVectors);
            var count = entities.Count;
            for (var row = 0; row < count; row++)
            {
                if (entities[row] is null)
                {
                    throw new global::System.ArgumentException($"entities[{row}] is null.", nameof(entities));
                }
            }

            if (embeddingVectors.Count != {{Int(entity.Embeddings.Count)}})
            {
                throw new global::System.ArgumentException($"{{entity.Name}} has {{Int(entity.Embeddings.Count)}} embedded properties ({{Escape(embeddingNames)}}) but {embeddingVectors.Count} vector buffers were given.", nameof(embeddingVectors));
            }
            """);
        for (var e = 0; e < entity.Embeddings.Count; e++)
        {
            var embedding = entity.Embeddings[e];
            var dims = Int(embedding.Dimensions);
            writer.WriteLine($$"""

                if (embeddingVectors[{{Int(e)}}].Length < count * {{dims}})
                {
                    throw new global::System.ArgumentException($"The vector buffer of {{embedding.PropertyName}} (column '{{Escape(embedding.VectorColumn)}}') holds {embeddingVectors[{{Int(e)}}].Length} floats; {count} rows of {{dims}} dimensions need {count * {{dims}}}.", nameof(embeddingVectors));
                }
                """);
        }

        writer.WriteLine();
        writer.WriteLine($"var columns = new {Arrow}.IArrowArray[]");
        writer.OpenBlock();
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var column = entity.Columns[i];
            writer.WriteLine(column.EmbeddingIndex >= 0
                ? $"WriteColumn{i}(entities, embeddingVectors[{Int(column.EmbeddingIndex)}]),"
                : $"WriteColumn{i}(entities),");
        }

        writer.CloseBlock(";");
        writer.WriteLine($"return new {Arrow}.RecordBatch(s_schema, columns, count);");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteColumnWriters(SourceWriter writer, EntitySpec entity)
    {
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var column = entity.Columns[i];
            if (column.EmbeddingIndex >= 0)
            {
                WriteEmbeddingColumnWriter(writer, entity, i, column, entity.Embeddings[column.EmbeddingIndex]);
            }
            else if (column.IsVector)
            {
                WriteVectorColumnWriter(writer, entity, i, column, column.Property!);
            }
            else
            {
                WriteScalarColumnWriter(writer, entity, i, column, column.Property!);
            }

            writer.WriteLine();
        }
    }

    private static void WriteScalarColumnWriter(SourceWriter writer, EntitySpec entity, int index, ColumnSpec column, PropertySpec property)
    {
        writer.WriteLine($"/// <summary>Column <c>{Xml(column.ColumnName)}</c> ({Xml(ArrowTypes.DisplayName(column))}) from <see cref=\"{entity.FullName}.{property.Name}\"/>.</summary>");
        writer.OpenBlock($"private static {Arrow}.IArrowArray WriteColumn{index}({Collections}.IReadOnlyList<{entity.FullName}> entities)");
        writer.WriteLine("var count = entities.Count;");
        writer.WriteLine($"var builder = {ArrowTypes.NewBuilder(column, $"s_type{index}")};");
        if (property.Kind == ValueKind.StringList)
        {
            writer.WriteLine($"var values = ({Arrow}.StringArray.Builder)builder.ValueBuilder;");
        }

        writer.OpenBlock("for (var row = 0; row < count; row++)");
        var access = $"entities[row].{Literals.Identifier(property.Name)}";
        if (property.IsNullable)
        {
            writer.WriteLine($$"""
                if ({{access}} is not { } value)
                {
                    builder.AppendNull();
                    continue;
                }

                """);
        }
        else if (IsReference(property))
        {
            writer.WriteLine($"var value = {access} ?? throw NullValue(row, {Literals.String(property.Name)}, {Literals.String(column.ColumnName)});");
        }
        else
        {
            writer.WriteLine($"var value = {access};");
        }

        writer.WriteLine(AppendStatement(property));
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return builder.Build();");
        writer.CloseBlock();
    }

    private static string AppendStatement(PropertySpec property) => property.Kind switch
    {
        ValueKind.Guid => "builder.Append(value.ToString(\"D\"));",
        ValueKind.Enum => $"builder.Append(Format{property.Name}(value));",
        ValueKind.Timestamp when property.Shape == ClrShape.DateTime => "builder.Append(ToUtcTimestamp(value));",
        ValueKind.Binary => "builder.Append(new global::System.ReadOnlySpan<byte>(value));",
        ValueKind.Decimal => $"builder.Append(FitDecimal(value, row, {Literals.String(property.Name)}, {Literals.String(property.ColumnName)}));",
        ValueKind.StringList => """
            builder.Append();
            foreach (var item in value)
            {
                if (item is null)
                {
                    values.AppendNull();
                }
                else
                {
                    values.Append(item);
                }
            }
            """,
        _ => "builder.Append(value);",
    };

    private static void WriteVectorColumnWriter(SourceWriter writer, EntitySpec entity, int index, ColumnSpec column, PropertySpec property)
    {
        var dims = Int(column.VectorDimensions);
        var access = $"entities[row].{Literals.Identifier(property.Name)}";
        var spanOf = property.Shape == ClrShape.Array
            ? $"{access} is {{ Length: > 0 }} vector ? new global::System.ReadOnlySpan<float>(vector) : default"
            : property.IsNullableValueType
                ? $"{access} is {{ }} vector ? vector.Span : default"
                : $"{access}.Span";
        writer.WriteLine($"/// <summary>Column <c>{Xml(column.ColumnName)}</c> ({Xml(ArrowTypes.DisplayName(column))}) from <see cref=\"{entity.FullName}.{property.Name}\"/>; an empty or null vector is written as null.</summary>");
        writer.OpenBlock($"private static {Arrow}.IArrowArray WriteColumn{index}({Collections}.IReadOnlyList<{entity.FullName}> entities)");
        writer.WriteLine($$"""
            var count = entities.Count;
            var values = new {{Arrow}}.FloatArray.Builder().Reserve(count * {{dims}});
            var validity = new {{Arrow}}.ArrowBuffer.BitmapBuilder(count);
            var nullCount = 0;
            for (var row = 0; row < count; row++)
            {
                var span = {{spanOf}};
                if (span.IsEmpty)
                {
                    nullCount++;
                    validity.Append(false);
                    for (var k = 0; k < {{dims}}; k++)
                    {
                        values.Append(0f);
                    }

                    continue;
                }

                if (span.Length != {{dims}})
                {
                    throw new global::System.ArgumentException($"entities[{row}].{{property.Name}} has {span.Length} dimensions; column '{{Escape(column.ColumnName)}}' holds {{dims}}.", "entities");
                }

                validity.Append(true);
                values.Append(span);
            }

            return new {{Arrow}}.FixedSizeListArray(s_type{{index}}, count, values.Build(), validity.Build(), nullCount, 0);
            """);
        writer.CloseBlock();
    }

    private static void WriteEmbeddingColumnWriter(SourceWriter writer, EntitySpec entity, int index, ColumnSpec column, EmbeddingSpec embedding)
    {
        var dims = Int(embedding.Dimensions);
        writer.WriteLine($"/// <summary>Column <c>{Xml(column.ColumnName)}</c> ({Xml(ArrowTypes.DisplayName(column))}): the vectors of <see cref=\"{entity.FullName}.{embedding.PropertyName}\"/> computed by <c>{Xml(embedding.FunctionName)}</c>{(embedding.SourceIsNullable ? "; null text gives a null vector" : "")}.</summary>");
        writer.OpenBlock($"private static {Arrow}.IArrowArray WriteColumn{index}({Collections}.IReadOnlyList<{entity.FullName}> entities, global::System.ReadOnlyMemory<float> vectors)");
        writer.WriteLine($$"""
            var count = entities.Count;
            var source = vectors.Span;
            var values = new {{Arrow}}.FloatArray.Builder().Reserve(count * {{dims}});
            var validity = new {{Arrow}}.ArrowBuffer.BitmapBuilder(count);
            var nullCount = 0;
            for (var row = 0; row < count; row++)
            {
            """);
        if (embedding.SourceIsNullable)
        {
            writer.WriteLine($$"""
                    if (entities[row].{{Literals.Identifier(embedding.PropertyName)}} is null)
                    {
                        nullCount++;
                        validity.Append(false);
                        for (var k = 0; k < {{dims}}; k++)
                        {
                            values.Append(0f);
                        }

                        continue;
                    }

                """);
        }

        writer.WriteLine($$"""
                validity.Append(true);
                values.Append(source.Slice(row * {{dims}}, {{dims}}));
            }

            return new {{Arrow}}.FixedSizeListArray(s_type{{index}}, count, values.Build(), validity.Build(), nullCount, 0);
            """);
        writer.CloseBlock();
    }

    private static bool IsReference(PropertySpec property) =>
        property.Kind is ValueKind.String or ValueKind.Binary or ValueKind.StringList;

    /// <summary>Escapes text placed inside an interpolated C# string literal in generated code.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
}
