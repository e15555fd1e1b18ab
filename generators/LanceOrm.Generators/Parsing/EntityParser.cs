using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LanceOrm.Generators.Parsing;

/// <summary>
/// Reads a <c>[LanceTable]</c> type into an <see cref="EntitySpec"/> plus every problem found. Symbols stay in here:
/// the result is plain data. The generator keeps only valid entities; the analyzer reports the diagnostics.
/// </summary>
internal static partial class EntityParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Parses <paramref name="type"/>, annotated with <paramref name="lanceTable"/>.</summary>
    public static ParseResult Parse(INamedTypeSymbol type, AttributeData lanceTable, ImmutableArray<EmbeddingFunctionSpec> functions, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var entityLocation = LocationSnapshot.From(type.Locations.FirstOrDefault());
        void Report(string id, LocationSnapshot? location, params string[] args) =>
            diagnostics.Add(new DiagnosticInfo(id, location ?? entityLocation, args.ToEquatableArray()));

        if (!IsPartial(type, cancellationToken))
        {
            Report(DiagnosticIds.EntityNotPartial, entityLocation, type.Name);
        }

        if (ShapeProblem(type) is { } shapeProblem)
        {
            Report(DiagnosticIds.UnsupportedEntityShape, entityLocation, type.Name, shapeProblem);
        }

        var tableName = lanceTable.ConstructorArguments.Length == 1 ? lanceTable.ConstructorArguments[0].Value as string : null;
        if (!NameRules.IsValidTableName(tableName))
        {
            Report(DiagnosticIds.InvalidTableName, ArgumentLocation(lanceTable, 0, cancellationToken), tableName ?? "", type.Name);
        }

        var properties = new List<PropertySpec>();
        var embeds = new List<(IPropertySymbol Property, AttributeData Attribute, string Column, EmbeddingFunctionSpec? Function)>();
        var extras = new List<SearchExtraSpec>();
        var keys = new List<IPropertySymbol>();
        var columnOwners = new Dictionary<string, string>();
        var propertyLocations = new Dictionary<string, LocationSnapshot?>();
        var checks = new MemberChecks();
        var indexDeclaring = new List<(PropertySpec Property, Dictionary<string, AttributeData> Attributes)>();

        foreach (var property in MappedProperties(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = AttributesOf(property);
            if (attributes.ContainsKey(WellKnownNames.IgnoreAttribute))
            {
                checks.Ignored(property, attributes, Report);
                continue;
            }

            checks.Mapped(property);

            var propertyLocation = LocationSnapshot.From(property.Locations.FirstOrDefault());
            propertyLocations[property.Name] = propertyLocation;
            var column = attributes.TryGetValue(WellKnownNames.ColumnAttribute, out var columnAttribute) &&
                         columnAttribute.ConstructorArguments.Length == 1
                ? columnAttribute.ConstructorArguments[0].Value as string ?? ""
                : NameRules.ToSnakeCase(property.Name);

            if (NameRules.ColumnNameProblem(column, allowSearchExtra: true) is { } columnProblem)
            {
                Report(DiagnosticIds.InvalidColumnName, columnAttribute is null ? propertyLocation : ArgumentLocation(columnAttribute, 0, cancellationToken), column, property.Name, columnProblem);
                continue;
            }

            if (NameRules.IsSearchExtra(column))
            {
                if (attributes.ContainsKey(WellKnownNames.KeyAttribute))
                {
                    checks.KeyDeclared = true;
                    Report(DiagnosticIds.InvalidKeyType, propertyLocation, property.Name, Display(property.Type), $"it is bound to '{column}', a column the server adds to search results");
                }
                else if (SearchExtra(property, column) is { } extra)
                {
                    extras.Add(extra);
                }
                else
                {
                    Report(DiagnosticIds.UnsupportedPropertyType, propertyLocation, property.Name, Display(property.Type),
                        $"the search column '{column}' is read as {(column == "_rowid" ? "long or ulong" : "float or double")} (or their nullable forms)");
                }

                continue;
            }

            if (columnOwners.TryGetValue(column, out var owner))
            {
                Report(DiagnosticIds.DuplicateColumn, propertyLocation, owner, property.Name, column);
                continue;
            }

            columnOwners[column] = property.Name;
            var isKey = attributes.ContainsKey(WellKnownNames.KeyAttribute);
            if (isKey)
            {
                keys.Add(property);
            }

            TypeClassification classification;
            var vectorDimensions = 0;
            if (attributes.TryGetValue(WellKnownNames.VectorAttribute, out var vectorAttribute))
            {
                vectorDimensions = vectorAttribute.ConstructorArguments.Length == 1 && vectorAttribute.ConstructorArguments[0].Value is int d ? d : 0;
                if (vectorDimensions <= 0)
                {
                    Report(DiagnosticIds.InvalidVectorDimension, ArgumentLocation(vectorAttribute, 0, cancellationToken), property.Name, vectorDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }

                if (!TypeClassifier.TryClassifyVector(property.Type, out classification))
                {
                    Report(DiagnosticIds.UnsupportedPropertyType, propertyLocation, property.Name, Display(property.Type), "[Vector] needs a float[] or ReadOnlyMemory<float> property");
                    continue;
                }
            }
            else if (TypeClassifier.TryClassifyVector(property.Type, out _))
            {
                Report(DiagnosticIds.UnsupportedPropertyType, propertyLocation, property.Name, Display(property.Type), "a float vector needs [Vector(dimensions)]");
                continue;
            }
            else if (!TypeClassifier.TryClassify(property.Type, out classification))
            {
                Report(DiagnosticIds.UnsupportedPropertyType, propertyLocation, property.Name, Display(property.Type), TypeClassifier.SupportedTypes);
                continue;
            }

            if (isKey && KeyTypeProblem(classification, property.Type) is { } keyProblem)
            {
                Report(DiagnosticIds.InvalidKeyType, propertyLocation, property.Name, Display(property.Type), keyProblem);
                continue;
            }

            if (attributes.TryGetValue(WellKnownNames.EmbedAttribute, out var embedAttribute))
            {
                var functionName = embedAttribute.ConstructorArguments.Length == 1 ? embedAttribute.ConstructorArguments[0].Value as string ?? "" : "";
                var function = functions.FirstOrDefault(f => f.Name == functionName);
                if (EmbedTypeProblem(property, classification, function, functionName, AttributeLocation(embedAttribute, cancellationToken)) is { } problem)
                {
                    Report(problem.Id, problem.Location, problem.Arguments.ToArray());
                    continue;
                }

                if (string.IsNullOrWhiteSpace(functionName))
                {
                    Report(DiagnosticIds.EmptyEmbeddingFunctionName, ArgumentLocation(embedAttribute, 0, cancellationToken), property.Name, string.Join(", ", functions.Select(f => f.Name)));
                }
                else if (function is null)
                {
                    Report(DiagnosticIds.UnknownEmbeddingFunction, ArgumentLocation(embedAttribute, 0, cancellationToken), property.Name, functionName, string.Join(", ", functions.Select(f => f.Name)));
                }

                embeds.Add((property, embedAttribute, column, function));
            }

            properties.Add(new PropertySpec(
                Name: property.Name,
                ColumnName: column,
                Kind: classification.Kind,
                Shape: classification.Shape,
                TypeName: Display(classification.IsNullable && property.Type.IsReferenceType ? property.Type.WithNullableAnnotation(NullableAnnotation.Annotated) : property.Type),
                IsNullable: classification.IsNullable,
                IsNullableValueType: classification.IsNullableValueType,
                ElementNullable: classification.ElementNullable,
                EnumTypeName: classification.EnumType is { } e ? e.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null,
                EnumMembers: classification.EnumType is { } en ? EnumMembers(en) : EquatableArray<string>.Empty,
                VectorDimensions: vectorDimensions,
                IsKey: isKey,
                HasFullTextIndex: attributes.ContainsKey(WellKnownNames.FullTextIndexAttribute),
                SetInInitializer: property.IsRequired || property.SetMethod is { IsInitOnly: true }));
            if (DeclaresIndex(attributes))
            {
                indexDeclaring.Add((properties[properties.Count - 1], attributes));
            }
        }

        checks.ReportUnmappedMembers(type, Report);
        ReportGeneratedNameConflicts(type, Report, cancellationToken);
        if (keys.Count == 0 && !checks.KeyDeclared)
        {
            Report(DiagnosticIds.MissingKey, entityLocation, type.Name);
        }
        else if (keys.Count > 1)
        {
            Report(DiagnosticIds.MultipleKeys, LocationSnapshot.From(keys[1].Locations.FirstOrDefault()), type.Name, string.Join(", ", keys.Select(k => k.Name)));
        }

        var embeddings = BuildEmbeddings(embeds, properties, propertyLocations, Report, cancellationToken);
        var indices = BuildIndices(indexDeclaring, embeddings, Report, cancellationToken);
        var hasErrors = diagnostics.Count > 0;
        var entity = hasErrors || tableName is null || keys.Count != 1
            ? null
            : new EntitySpec(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                Name: type.Name,
                FullName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                TypeKeyword: type.IsRecord ? "record" : "class",
                Accessibility: type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                TableName: tableName,
                Columns: BuildColumns(properties, embeddings).ToEquatableArray(),
                Embeddings: embeddings.ToEquatableArray(),
                SearchExtras: extras.ToEquatableArray(),
                KeyPropertyName: keys[0].Name,
                KeyTypeName: keys[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                PluralName: NameRules.Pluralize(type.Name),
                Indices: indices.ToEquatableArray(),
                HidesInheritedLanceMap: HidesInheritedLanceMap(type));

        return new ParseResult(entity, diagnostics.ToEquatableArray());
    }

    private delegate void Reporter(string id, LocationSnapshot? location, params string[] args);

    private static List<EmbeddingSpec> BuildEmbeddings(
        List<(IPropertySymbol Property, AttributeData Attribute, string Column, EmbeddingFunctionSpec? Function)> embeds,
        List<PropertySpec> properties,
        Dictionary<string, LocationSnapshot?> propertyLocations,
        Reporter report,
        CancellationToken cancellationToken)
    {
        var result = new List<EmbeddingSpec>();
        var vectorOwners = new Dictionary<string, string>();
        foreach (var (property, attribute, column, function) in embeds)
        {
            var explicitColumn = attribute.NamedArguments.FirstOrDefault(a => a.Key == "VectorColumn").Value.Value as string;
            var location = explicitColumn is null ? AttributeLocation(attribute, cancellationToken) : NamedArgumentLocation(attribute, "VectorColumn", cancellationToken);
            var vectorColumn = explicitColumn ?? (embeds.Count == 1 ? "vector" : column + "_vector");
            if (NameRules.ColumnNameProblem(vectorColumn, allowSearchExtra: false) is { } problem)
            {
                report(DiagnosticIds.InvalidColumnName, location, vectorColumn, property.Name, problem);
                continue;
            }

            if (vectorOwners.TryGetValue(vectorColumn, out var otherEmbed))
            {
                report(DiagnosticIds.VectorColumnCollision, location, vectorColumn, property.Name, $"the vector column of [Embed] property '{otherEmbed}'");
                continue;
            }

            vectorOwners[vectorColumn] = property.Name;
            PropertySpec? vectorProperty = null;
            var clash = properties.FirstOrDefault(p => p.ColumnName == vectorColumn);
            if (clash is not null)
            {
                if (clash.Kind != ValueKind.Vector)
                {
                    report(DiagnosticIds.VectorColumnCollision, location, vectorColumn, property.Name, $"the column of property '{clash.Name}'");
                    continue;
                }

                if (function is not null && clash.VectorDimensions != function.Dimensions)
                {
                    report(DiagnosticIds.VectorDimensionMismatch, propertyLocations[clash.Name], clash.Name, clash.VectorDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        function.Dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture), function.Name, vectorColumn);
                    continue;
                }

                vectorProperty = clash;
            }

            if (function is null)
            {
                continue;
            }

            result.Add(new EmbeddingSpec(
                PropertyName: property.Name,
                SourceColumn: column,
                VectorColumn: vectorColumn,
                FunctionName: function.Name,
                Dimensions: function.Dimensions,
                MetadataName: function.MetadataName,
                ModelJson: function.ModelJson,
                SourceIsNullable: properties.First(p => p.Name == property.Name).IsNullable,
                VectorProperty: vectorProperty,
                Modality: function.Modality));
        }

        return result;
    }

    private static IEnumerable<ColumnSpec> BuildColumns(List<PropertySpec> properties, List<EmbeddingSpec> embeddings)
    {
        foreach (var property in properties)
        {
            var index = embeddings.FindIndex(e => e.VectorColumn == property.ColumnName);
            yield return new ColumnSpec(property.ColumnName, property, index, property.VectorDimensions);
        }

        for (var i = 0; i < embeddings.Count; i++)
        {
            if (embeddings[i].VectorProperty is null)
            {
                yield return new ColumnSpec(embeddings[i].VectorColumn, null, i, embeddings[i].Dimensions);
            }
        }
    }

    private static SearchExtraSpec? SearchExtra(IPropertySymbol property, string column)
    {
        var type = property.Type;
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
        {
            type = n.TypeArguments[0];
            nullable = true;
        }

        ValueKind? kind = (column, type.SpecialType) switch
        {
            ("_rowid", SpecialType.System_Int64) => ValueKind.Int64,
            ("_rowid", SpecialType.System_UInt64) => ValueKind.UInt64,
            (not "_rowid", SpecialType.System_Single) => ValueKind.Float,
            (not "_rowid", SpecialType.System_Double) => ValueKind.Double,
            _ => null,
        };

        return kind is { } k
            ? new SearchExtraSpec(property.Name, column, Display(property.Type), k, nullable, property.IsRequired || property.SetMethod is { IsInitOnly: true })
            : null;
    }

    /// <summary>
    /// Instance properties with an accessible getter and setter (or init), base types first; for a name declared more
    /// than once in the chain (<c>override</c>, <c>new</c>) the most derived declaration, which is what <c>x.Name</c> binds to.
    /// </summary>
    private static IEnumerable<IPropertySymbol> MappedProperties(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        var mostDerived = new Dictionary<string, IPropertySymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Push(current);
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property is { IsStatic: false, IsIndexer: false } && !mostDerived.ContainsKey(property.Name))
                {
                    mostDerived[property.Name] = property;
                }
            }
        }

        var seen = new HashSet<string>();
        foreach (var declaring in chain)
        {
            foreach (var member in declaring.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } declared && seen.Add(declared.Name) &&
                    mostDerived[declared.Name] is { GetMethod: { } getter, SetMethod: { } setter } property &&
                    IsAccessible(getter) && IsAccessible(setter) && !IsCompilerGeneratedRecordMember(property))
                {
                    yield return property;
                }
            }
        }
    }

    private static bool IsCompilerGeneratedRecordMember(IPropertySymbol property) =>
        property.Name == "EqualityContract" && property.ContainingType.IsRecord;

    private static bool IsAccessible(IMethodSymbol method) =>
        method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    /// <summary>The LanceOrm attributes of a property, including those of the properties it overrides (the nearest wins).</summary>
    private static Dictionary<string, AttributeData> AttributesOf(IPropertySymbol property)
    {
        var result = new Dictionary<string, AttributeData>();
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() is { } name && name.StartsWith("LanceOrm.", System.StringComparison.Ordinal) &&
                    !result.ContainsKey(name))
                {
                    result[name] = attribute;
                }
            }
        }

        return result;
    }

    private static EquatableArray<string> EnumMembers(INamedTypeSymbol enumType)
    {
        // One name per distinct value: aliases would make the generated switch expressions ambiguous.
        var seenValues = new HashSet<object?>();
        var names = new List<string>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && seenValues.Add(field.ConstantValue))
            {
                names.Add(field.Name);
            }
        }

        return names.ToEquatableArray();
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    private static string? ShapeProblem(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            var kind = type.IsRecord ? "record struct" : type.TypeKind.ToString().ToLowerInvariant();
            return $"it is a {kind}, and entities must be classes or record classes; declare it as 'partial class {type.Name}' or 'partial record {type.Name}'";
        }

        if (type.IsFileLocal)
        {
            return "file-local types cannot be used by the generated map and repository; remove the 'file' modifier (use 'internal' to keep it private to the assembly)";
        }

        if (SyntaxFacts.GetKeywordKind(type.Name) != SyntaxKind.None)
        {
            return $"its name '{type.Name}' is a C# keyword; rename the type";
        }

        if (type.ContainingType is not null)
        {
            return "nested types are not supported; declare the entity directly in a namespace";
        }

        if (type.IsGenericType)
        {
            return "generic types are not supported";
        }

        if (type.IsAbstract || type.IsStatic)
        {
            return "abstract and static classes cannot be instantiated";
        }

        var hasParameterlessConstructor = type.InstanceConstructors.Any(c =>
            c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal);
        return hasParameterlessConstructor ? null : "it needs a public or internal parameterless constructor to read rows back";
    }

    private static LocationSnapshot? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        LocationSnapshot.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());

    private static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);
}
