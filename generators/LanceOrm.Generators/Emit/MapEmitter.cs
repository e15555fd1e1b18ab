using System.Globalization;
using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// Emits <c>{Entity}.LanceMap.g.cs</c>: the entity's partial part and the <c>{Entity}LanceMap</c> class implementing
/// <c>ILanceEntityMap&lt;T&gt;</c> (schema, columns, embeddings, writer, reader, key).
/// </summary>
internal static partial class MapEmitter
{
    private const string Mapping = "global::LanceOrm.Mapping";
    private const string Collections = "global::System.Collections.Generic";

    public static string Emit(EntitySpec entity)
    {
        var writer = new SourceWriter();
        EmitterHeader.Write(writer);
        var hasNamespace = entity.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.OpenBlock($"namespace {entity.Namespace}");
        }

        writer.OpenBlock($"partial {entity.TypeKeyword} {entity.Name}");
        writer.WriteLine($$"""
            /// <summary>The generated LanceDB mapping of this entity (table <c>{{Xml(entity.TableName)}}</c>).</summary>
            public static {{(entity.HidesInheritedLanceMap ? "new " : "")}}{{Mapping}}.ILanceEntityMap<{{entity.FullName}}> LanceMap => {{MapType(entity)}}.Instance;
            """);
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($$"""
            /// <summary>
            /// The generated mapping between <see cref="{{entity.FullName}}"/> and the LanceDB table <c>{{Xml(entity.TableName)}}</c>:
            /// Arrow schema, column-by-column writer and reader over typed getters (no reflection, no boxing).
            /// </summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"{entity.Accessibility} sealed class {entity.MapName} : {Mapping}.ILanceEntityMap<{entity.FullName}>");
        WriteStaticData(writer, entity);
        WriteMembers(writer, entity);
        WriteToRecordBatch(writer, entity);
        WriteReadBatch(writer, entity);
        WriteEnumConverters(writer, entity);
        writer.CloseBlock();

        if (hasNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static void WriteStaticData(SourceWriter writer, EntitySpec entity)
    {
        writer.WriteLine($"private const string Table = {Literals.String(entity.TableName)};");
        writer.WriteLine();
        writer.WriteLine($"private static readonly {Mapping}.LanceColumnInfo[] s_columns = new {Mapping}.LanceColumnInfo[]");
        writer.OpenBlock();
        foreach (var column in entity.Columns)
        {
            writer.WriteLine(ColumnInfo(column) + ",");
        }

        writer.CloseBlock(";");
        writer.WriteLine();

        writer.WriteLine($"private static readonly global::Apache.Arrow.Schema s_schema = {Mapping}.LanceArrowTypes.CreateSchema(s_columns, {SchemaMetadata(entity)});");
        writer.WriteLine();

        writer.WriteLine($"private static readonly {Mapping}.EmbeddingBinding<{entity.FullName}>[] s_embeddings = new {Mapping}.EmbeddingBinding<{entity.FullName}>[]");
        writer.OpenBlock();
        foreach (var embedding in entity.Embeddings)
        {
            writer.WriteLine($"new {Mapping}.EmbeddingBinding<{entity.FullName}>(");
            writer.WriteLine($"""
                    sourcePropertyName: {Literals.String(embedding.PropertyName)},
                    sourceColumn: {Literals.String(embedding.SourceColumn)},
                    vectorColumn: {Literals.String(embedding.VectorColumn)},
                    functionName: {Literals.String(embedding.FunctionName)},
                    dimensions: {Int(embedding.Dimensions)},
                    {SourceGetter(entity, embedding)}{(embedding.VectorProperty is null ? "" : ",")}
                """);
            if (embedding.VectorProperty is { } vector)
            {
                writer.WriteLine($"    getVector: {GetVectorLambda(vector)}");
            }

            writer.WriteLine("),");
        }

        writer.CloseBlock(";");
        writer.WriteLine();

        WriteIndexData(writer, entity);
        writer.WriteLine($$"""
            private static readonly {{Collections}}.IReadOnlyList<{{Mapping}}.LanceColumnInfo> s_columnList = global::System.Array.AsReadOnly(s_columns);

            private static readonly {{Collections}}.IReadOnlyList<{{Mapping}}.EmbeddingBinding<{{entity.FullName}}>> s_embeddingList = global::System.Array.AsReadOnly(s_embeddings);

            /// <summary>The single instance.</summary>
            public static {{entity.MapName}} Instance { get; } = new {{entity.MapName}}();

            private {{entity.MapName}}()
            {
            }
            """);
        writer.WriteLine();
    }

    private static void WriteMembers(SourceWriter writer, EntitySpec entity)
    {
        var keyIndex = Enumerable.Range(0, entity.Columns.Count).First(i => entity.Columns[i].Property?.IsKey == true);
        var keyProperty = Literals.Identifier(entity.KeyPropertyName);
        writer.WriteLine($$"""
            /// <inheritdoc />
            public string TableName => Table;

            /// <inheritdoc />
            public global::Apache.Arrow.Schema Schema => s_schema;

            /// <inheritdoc />
            public {{Mapping}}.LanceColumnInfo Key => s_columns[{{Int(keyIndex)}}];

            /// <inheritdoc />
            public {{Collections}}.IReadOnlyList<{{Mapping}}.LanceColumnInfo> Columns => s_columnList;

            /// <inheritdoc />
            public {{Collections}}.IReadOnlyList<{{Mapping}}.EmbeddingBinding<{{entity.FullName}}>> Embeddings => s_embeddingList;

            {{IndexMember(entity)}}/// <inheritdoc />
            public object? GetKey({{entity.FullName}} entity)
            {
                global::System.ArgumentNullException.ThrowIfNull(entity);
                return entity.{{keyProperty}};
            }

            """);
    }

    private static string ColumnInfo(ColumnSpec column)
    {
        var property = column.Property;
        var kind = column.IsVector ? "Vector" : property!.Kind.ToString();
        var text = $"new {Mapping}.LanceColumnInfo({Literals.String(property?.Name ?? "")}, {Literals.String(column.ColumnName)}, {Mapping}.LanceValueKind.{kind}, {Literals.Bool(IsNullableField(column))}";
        if (column.IsVector)
        {
            text += $", VectorDimensions: {Int(column.VectorDimensions)}";
        }

        if (property is { IsKey: true })
        {
            text += ", IsKey: true";
        }

        if (property is { HasFullTextIndex: true })
        {
            text += ", HasFullTextIndex: true";
        }

        if (property is { Kind: ValueKind.Enum, EnumTypeName: { } enumType })
        {
            text += $", EnumType: typeof({enumType})";
        }

        return text + ")";
    }

    /// <summary>
    /// The metadata arguments of <c>CreateSchema</c>: the text functions' JSON (<c>embedding_functions</c>), then, only when
    /// the entity has image embeddings, the image functions' JSON (<c>lanceorm_embedding_functions</c>).
    /// </summary>
    private static string SchemaMetadata(EntitySpec entity)
    {
        var text = entity.Embeddings.Where(e => e.Modality == FunctionModality.Text).ToEquatableArray();
        var image = entity.Embeddings.Where(e => e.Modality == FunctionModality.Image).ToEquatableArray();
        var textJson = text.Count > 0 ? Literals.String(MetadataJson.EmbeddingFunctions(text)) : "null";
        return image.Count == 0 ? textJson : $"{textJson}, {Literals.String(MetadataJson.EmbeddingFunctions(image))}";
    }

    /// <summary>The binding's source argument: <c>getSourceText:</c> for a text function, <c>getSourceImage:</c> for an image one.</summary>
    private static string SourceGetter(EntitySpec entity, EmbeddingSpec embedding)
    {
        var access = "entity." + Literals.Identifier(embedding.PropertyName);
        if (embedding.Modality == FunctionModality.Text)
        {
            return $"getSourceText: static entity => {access}";
        }

        const string Image = "global::LanceOrm.Embeddings.ImageInput";
        var source = entity.Columns.Select(c => c.Property).First(p => p?.Name == embedding.PropertyName)!;
        var lambda = source switch
        {
            { Shape: ClrShape.FileInfo } => $"{access} is {{ }} file ? {Image}.FromFile(file) : ({Image}?)null",
            { Shape: ClrShape.ReadOnlyMemory, IsNullableValueType: true } => $"{access} is {{ IsEmpty: false }} image ? {Image}.FromBytes(image) : ({Image}?)null",
            { Shape: ClrShape.ReadOnlyMemory } => $"{access}.IsEmpty ? ({Image}?)null : {Image}.FromBytes({access})",
            _ => $"{access} is {{ }} image ? {Image}.FromBytes(image) : ({Image}?)null",
        };
        return $"getSourceImage: static entity => {lambda}";
    }

    private static string GetVectorLambda(PropertySpec vector)
    {
        var access = "entity." + Literals.Identifier(vector.Name);
        return vector.Shape switch
        {
            ClrShape.Array => $"static entity => {access} is {{ }} vector ? new global::System.ReadOnlyMemory<float>(vector) : (global::System.ReadOnlyMemory<float>?)null",
            _ when vector.IsNullableValueType => $"static entity => {access}",
            _ => $"static entity => {access}.IsEmpty ? (global::System.ReadOnlyMemory<float>?)null : {access}",
        };
    }

    /// <summary>Vector columns are always nullable (a row may have no vector yet); others follow the property.</summary>
    internal static bool IsNullableField(ColumnSpec column) => column.IsVector || column.Property!.IsNullable;

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    internal static string MapType(EntitySpec entity) =>
        entity.Namespace.Length == 0 ? "global::" + entity.MapName : $"global::{entity.Namespace}.{entity.MapName}";
}
