using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LanceOrm.Generators.Parsing;

/// <summary>
/// The checks that keep a misused annotation from being silently ignored or from producing generated code that does
/// not compile: annotations on properties the mapper skips, required members it cannot set, unsupported key types,
/// names the generated code would clash with, and argument-precise locations.
/// </summary>
internal static partial class EntityParser
{
    /// <summary>Why <paramref name="classification"/> cannot be a key, or <c>null</c> when it can.</summary>
    private static string? KeyTypeProblem(TypeClassification classification, ITypeSymbol type) => classification.Kind switch
    {
        ValueKind.StringList or ValueKind.Vector or ValueKind.Binary => "it is not a scalar (lists, vectors and byte arrays cannot be matched as keys)",
        _ when classification.Shape == ClrShape.FileInfo => "a FileInfo is a file, not a value (use its path as a string key)",
        ValueKind.Float or ValueKind.Double => "floating-point values do not compare exactly (NaN never equals itself), so upserts could duplicate rows",
        ValueKind.Boolean => "a bool has only two values, so the table could never hold more than two rows",
        _ when classification.IsNullableValueType || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated) =>
            "it is nullable, and a null key never matches on upsert or delete, so rows would be duplicated",
        _ => null,
    };

    /// <summary>Whether the entity's generated static <c>LanceMap</c> hides one it inherits (then it is emitted with <c>new</c>).</summary>
    private static bool HidesInheritedLanceMap(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.GetMembers("LanceMap").Any(m => m.DeclaredAccessibility != Accessibility.Private) ||
                current.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == WellKnownNames.LanceTableAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>LANCE021: user code declaring a name the generator adds (the entity's <c>LanceMap</c>, the map, repository and extension classes).</summary>
    private static void ReportGeneratedNameConflicts(INamedTypeSymbol type, Reporter report, CancellationToken cancellationToken)
    {
        var hint = type.ContainingNamespace.IsGlobalNamespace ? type.Name : $"{type.ContainingNamespace.ToDisplayString()}.{type.Name}";
        foreach (var member in type.GetMembers("LanceMap"))
        {
            if (UserLocation(member, hint) is { } location)
            {
                report(DiagnosticIds.GeneratedNameConflict, location, $"{type.Name}.LanceMap", "static property 'LanceMap'", type.Name, "rename the member");
            }
        }

        var generatedTypes = new[]
        {
            (Name: type.Name + "LanceMap", What: "map class", PartialAllowed: false),
            (Name: type.Name + "Repository", What: "repository class", PartialAllowed: true),
            (Name: type.Name + "RepositoryExtensions", What: "connection extension class", PartialAllowed: false),
        };
        foreach (var (name, what, partialAllowed) in generatedTypes)
        {
            foreach (var existing in type.ContainingNamespace.GetTypeMembers(name, 0))
            {
                if (UserLocation(existing, hint) is not { } location ||
                    (partialAllowed && IsPartialClassExtension(existing, hint, cancellationToken)))
                {
                    continue;
                }

                var fix = partialAllowed
                    ? $"rename it, or declare it 'partial class {name}' to add members to the generated repository"
                    : "rename it";
                report(DiagnosticIds.GeneratedNameConflict, location, name, $"{what} '{name}'", type.Name, fix);
            }
        }
    }

    private static bool IsPartialClassExtension(INamedTypeSymbol existing, string hint, CancellationToken cancellationToken) =>
        existing is { TypeKind: TypeKind.Class, IsStatic: false, IsRecord: false } &&
        existing.DeclaringSyntaxReferences
            .Where(r => !IsGeneratedHere(r.SyntaxTree.FilePath, hint))
            .All(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration &&
                      declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    /// <summary>The first location of <paramref name="symbol"/> in user code (not in this generator's output for the entity).</summary>
    private static LocationSnapshot? UserLocation(ISymbol symbol, string hint) =>
        symbol.Locations
            .Where(l => l.IsInSource && !IsGeneratedHere(l.SourceTree!.FilePath, hint))
            .Select(LocationSnapshot.From)
            .FirstOrDefault(l => l is not null);

    /// <summary>
    /// Whether a tree is one the generator adds for this entity: analyzers see the compilation with the generated trees,
    /// the generator sees it without them.
    /// </summary>
    private static bool IsGeneratedHere(string path, string hint) =>
        EndsWithFile(path, hint + ".LanceMap.g.cs") || EndsWithFile(path, hint + ".Repository.g.cs");

    private static bool EndsWithFile(string path, string fileName) =>
        path.EndsWith(fileName, System.StringComparison.Ordinal) &&
        (path.Length == fileName.Length || path[path.Length - fileName.Length - 1] is '/' or '\\');

    /// <summary>The location of a positional attribute argument (<c>"minilm"</c> in <c>[Embed("minilm")]</c>), else the attribute.</summary>
    private static LocationSnapshot? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        var argument = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .Where(a => a.NameEquals is null)
            .ElementAtOrDefault(index);
        return argument is null ? AttributeLocation(attribute, cancellationToken) : LocationSnapshot.From(argument.Expression.GetLocation());
    }

    /// <summary>The location of a named attribute argument's value (<c>"v"</c> in <c>VectorColumn = "v"</c>), else the attribute.</summary>
    private static LocationSnapshot? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        var argument = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? AttributeLocation(attribute, cancellationToken) : LocationSnapshot.From(argument.Expression.GetLocation());
    }

    private static string AttributeDisplay(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        return "[" + (name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name) + "]";
    }

    /// <summary>
    /// Collects which properties the mapper reads and which are <c>[Ignore]</c>d, then reports LanceOrm annotations on
    /// members it skips (LANCE016, LANCE017) and required members it cannot set (LANCE020).
    /// </summary>
    private sealed class MemberChecks
    {
        private readonly HashSet<string> _mapped = new();
        private readonly HashSet<string> _ignored = new();
        private readonly HashSet<string> _reported = new();

        /// <summary>Whether a <c>[Key]</c> was declared somewhere, even where it is reported as invalid (so LANCE002 does not pile on).</summary>
        public bool KeyDeclared { get; set; }

        public void Mapped(IPropertySymbol property) => _mapped.Add(property.Name);

        public void Ignored(IPropertySymbol property, Dictionary<string, AttributeData> attributes, Reporter report)
        {
            _ignored.Add(property.Name);
            var others = attributes.Keys.Where(k => k != WellKnownNames.IgnoreAttribute).OrderBy(k => k == WellKnownNames.KeyAttribute ? 0 : 1).ThenBy(k => k, System.StringComparer.Ordinal).ToList();
            if (others.Count == 0)
            {
                return;
            }

            var isKey = others[0] == WellKnownNames.KeyAttribute;
            KeyDeclared |= isKey;
            var shown = AttributeDisplay(others[0]);
            report(
                DiagnosticIds.IgnoredPropertyWithMapping,
                LocationSnapshot.From(property.Locations.FirstOrDefault()),
                property.Name,
                shown,
                isKey ? "a key cannot be ignored, because upserts and deletes match rows on it" : $"an ignored property is not mapped, so {shown} would have no effect");
        }

        public void ReportUnmappedMembers(INamedTypeSymbol type, Reporter report)
        {
            var setsRequiredMembers = type.InstanceConstructors.Any(c => c.Parameters.Length == 0 &&
                c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && !IsCompilerGeneratedRecordMember(property))
                    {
                        CheckProperty(property, report);
                    }

                    if (!setsRequiredMembers)
                    {
                        CheckRequired(member, type, report);
                    }
                }
            }
        }

        private void CheckProperty(IPropertySymbol property, Reporter report)
        {
            if (_mapped.Contains(property.Name) || _ignored.Contains(property.Name))
            {
                return;
            }

            var attributes = AttributesOf(property);
            if (attributes.Count == 0 || attributes.ContainsKey(WellKnownNames.IgnoreAttribute) || !_reported.Add(property.Name))
            {
                return;
            }

            var (reason, fix) = UnmappedReason(property);
            KeyDeclared |= attributes.ContainsKey(WellKnownNames.KeyAttribute);
            var shown = string.Join(", ", attributes.Keys.OrderBy(k => k, System.StringComparer.Ordinal).Select(AttributeDisplay));
            report(DiagnosticIds.AnnotatedPropertyNotMapped, LocationSnapshot.From(property.Locations.FirstOrDefault()), property.Name, shown, reason, fix);
        }

        private void CheckRequired(ISymbol member, INamedTypeSymbol entity, Reporter report)
        {
            (string Reason, string Fix)? problem = member switch
            {
                IFieldSymbol { IsRequired: true } => ("is a field", "make it a property with 'get; set;' or 'get; init;', or remove 'required'"),
                IPropertySymbol { IsRequired: true } p when _ignored.Contains(p.Name) => ("is marked [Ignore]", "remove 'required', or remove [Ignore]"),
                IPropertySymbol { IsRequired: true } p when !_mapped.Contains(p.Name) => ("has no public or internal setter", "make its setter public or internal, or remove 'required'"),
                _ => null,
            };
            if (problem is { } p2 && _reported.Add(member.Name))
            {
                report(DiagnosticIds.RequiredMemberNotMapped, LocationSnapshot.From(member.Locations.FirstOrDefault()), member.Name, entity.Name, p2.Reason,
                    p2.Fix + ", or add [SetsRequiredMembers] to the parameterless constructor that sets it");
            }
        }

        private static (string Reason, string Fix) UnmappedReason(IPropertySymbol property)
        {
            if (property.IsIndexer)
            {
                return ("is an indexer", "remove the attribute");
            }

            if (property.IsStatic)
            {
                return ("is static", "make it an instance property");
            }

            if (property.GetMethod is not { } getter || !IsAccessible(getter))
            {
                return ("has no public or internal getter", "add a public getter");
            }

            if (property.SetMethod is not { } setter)
            {
                return ("has no setter", "add a 'set;' or 'init;' accessor so that rows read back can set it");
            }

            return ($"its setter is {AccessibilityText(setter.DeclaredAccessibility)}", "make the setter public or internal, or use 'init;'");
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "not accessible",
        };
    }
}
