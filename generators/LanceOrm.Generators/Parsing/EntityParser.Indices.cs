using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Parsing;

/// <summary>Reads <c>[VectorIndex]</c>, <c>[ScalarIndex]</c> and <c>[FullTextIndex]</c> into <see cref="IndexSpec"/>s.</summary>
internal static partial class EntityParser
{
    private static readonly string[] IndexAttributes = [WellKnownNames.VectorIndexAttribute, WellKnownNames.ScalarIndexAttribute, WellKnownNames.FullTextIndexAttribute];

    /// <summary>Whether <paramref name="attributes"/> declare any index.</summary>
    private static bool DeclaresIndex(Dictionary<string, AttributeData> attributes) => IndexAttributes.Any(attributes.ContainsKey);

    private static List<IndexSpec> BuildIndices(
        List<(PropertySpec Property, Dictionary<string, AttributeData> Attributes)> declaring,
        List<EmbeddingSpec> embeddings,
        Reporter report,
        CancellationToken cancellationToken)
    {
        var result = new List<IndexSpec>();
        foreach (var (property, attributes) in declaring)
        {
            foreach (var attributeName in IndexAttributes)
            {
                if (!attributes.TryGetValue(attributeName, out var attribute))
                {
                    continue;
                }

                var location = AttributeLocation(attribute, cancellationToken);
                var index = attributeName switch
                {
                    WellKnownNames.VectorIndexAttribute => VectorIndex(property, attribute, embeddings, attributes.ContainsKey(WellKnownNames.EmbedAttribute), location, report),
                    WellKnownNames.ScalarIndexAttribute => ScalarIndex(property, attribute, location, report),
                    _ => FullTextIndex(property, attribute, location, report),
                };
                if (index is null)
                {
                    continue;
                }

                if (result.FirstOrDefault(i => i.Name == index.Name) is { } sameName)
                {
                    report(DiagnosticIds.InvalidIndexDeclaration, location, ShortName(attributeName), property.Name,
                        $"names its index '{index.Name}', the name of the index declared on '{sameName.PropertyName}'; give one of them another Name");
                    continue;
                }

                if (result.FirstOrDefault(i => i.Kind == index.Kind && i.ColumnName == index.ColumnName) is { } sameColumn)
                {
                    report(DiagnosticIds.InvalidIndexDeclaration, location, ShortName(attributeName), property.Name,
                        $"indexes column '{index.ColumnName}', which '{sameColumn.PropertyName}' already indexes the same way; keep one declaration");
                    continue;
                }

                result.Add(index);
            }
        }

        return result;
    }

    private static IndexSpec? VectorIndex(PropertySpec property, AttributeData attribute, List<EmbeddingSpec> embeddings, bool isEmbedded, LocationSnapshot? location, Reporter report)
    {
        var column = embeddings.FirstOrDefault(e => e.PropertyName == property.Name)?.VectorColumn
                     ?? (property.Kind == ValueKind.Vector ? property.ColumnName : null);
        if (column is null && isEmbedded)
        {
            return null; // the [Embed] itself is reported (unknown function, bad vector column)
        }

        if (column is null)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "VectorIndex", property.Name,
                property.Kind == ValueKind.String && property.Shape != ClrShape.FileInfo
                    ? "is on a text property without [Embed]; add [Embed(\"function\")] to index its vector, or use [FullTextIndex] for keyword search"
                    : "is on a property that is neither [Embed] nor [Vector]; put it on the [Embed] text property or on a [Vector] property");
            return null;
        }

        var indexType = EnumMember(attribute, "IndexType", "IvfPq");
        var distance = EnumMember(attribute, "DistanceType", "L2");
        var partitions = IntArgument(attribute, "NumPartitions");
        var subVectors = IntArgument(attribute, "NumSubVectors");
        if (indexType is null || distance is null)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "VectorIndex", property.Name, "has an IndexType or DistanceType that is not a named member of its enum; use one of the enum's members");
            return null;
        }

        if (partitions < 0 || subVectors < 0)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "VectorIndex", property.Name, "has a negative NumPartitions or NumSubVectors; use a positive count, or 0 for the server's default");
            return null;
        }

        return NamedIndex(attribute, property, column, location, "VectorIndex", report) is { } name
            ? new IndexSpec(IndexKind.Vector, property.Name, column, name, indexType, distance, partitions, subVectors, null)
            : null;
    }

    private static IndexSpec? ScalarIndex(PropertySpec property, AttributeData attribute, LocationSnapshot? location, Reporter report)
    {
        var indexType = attribute.ConstructorArguments.Length == 1 ? EnumName(attribute.ConstructorArguments[0]) : "BTree";
        if (indexType is null)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "ScalarIndex", property.Name, "has an index type that is not a named member of ScalarIndexType; use BTree, Bitmap or LabelList");
            return null;
        }

        var problem = (property.Kind, indexType) switch
        {
            (ValueKind.Vector, _) => "is on a vector column; a vector column takes [VectorIndex]",
            (ValueKind.StringList, not "LabelList") => "is a " + indexType + " index on a string list; use [ScalarIndex(ScalarIndexType.LabelList)]",
            (not ValueKind.StringList, "LabelList") => "is a LabelList index on a column that is not a string list; use BTree or Bitmap",
            _ => null,
        };
        if (problem is not null)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "ScalarIndex", property.Name, problem);
            return null;
        }

        return NamedIndex(attribute, property, property.ColumnName, location, "ScalarIndex", report) is { } name
            ? new IndexSpec(IndexKind.Scalar, property.Name, property.ColumnName, name, indexType, "", 0, 0, null)
            : null;
    }

    private static IndexSpec? FullTextIndex(PropertySpec property, AttributeData attribute, LocationSnapshot? location, Reporter report)
    {
        if (property.Kind is not (ValueKind.String or ValueKind.StringList))
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "FullTextIndex", property.Name, "is on a column that is not text; full-text indices take string or string-list properties");
            return null;
        }

        var options = new FullTextOptionsSpec(
            WithPosition: BoolArgument(attribute, "WithPosition", false),
            Language: StringArgument(attribute, "Language") ?? "English",
            Stem: BoolArgument(attribute, "Stem", true),
            RemoveStopWords: BoolArgument(attribute, "RemoveStopWords", true),
            LowerCase: BoolArgument(attribute, "LowerCase", true),
            AsciiFolding: BoolArgument(attribute, "AsciiFolding", true));
        if (options.Language.Trim().Length == 0)
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, "FullTextIndex", property.Name, "has an empty Language; leave it out for English, or name a language such as \"French\"");
            return null;
        }

        return NamedIndex(attribute, property, property.ColumnName, location, "FullTextIndex", report) is { } name
            ? new IndexSpec(IndexKind.FullText, property.Name, property.ColumnName, name, "", "", 0, 0, options)
            : null;
    }

    private static string? NamedIndex(AttributeData attribute, PropertySpec property, string column, LocationSnapshot? location, string attributeName, Reporter report)
    {
        var name = StringArgument(attribute, "Name");
        if (name is null)
        {
            return column + "_idx";
        }

        if (name.Trim().Length == 0 || name.Any(c => char.IsControl(c) || c == '/'))
        {
            report(DiagnosticIds.InvalidIndexDeclaration, location, attributeName, property.Name, $"has the index name '{name}'; use a non-empty name without '/' or control characters, or leave Name out for '{column}_idx'");
            return null;
        }

        return name;
    }

    private static string ShortName(string attributeName) => attributeName.Substring("LanceOrm.".Length, attributeName.Length - "LanceOrm.".Length - "Attribute".Length);

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string? EnumMember(AttributeData attribute, string name, string defaultMember) =>
        Named(attribute, name) is { } value ? EnumName(value) : defaultMember;

    private static string? EnumName(TypedConstant constant) =>
        constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value))?.Name;

    private static int IntArgument(AttributeData attribute, string name) => Named(attribute, name)?.Value is int value ? value : 0;

    private static bool BoolArgument(AttributeData attribute, string name, bool defaultValue) => Named(attribute, name)?.Value is bool value ? value : defaultValue;

    private static string? StringArgument(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;
}
