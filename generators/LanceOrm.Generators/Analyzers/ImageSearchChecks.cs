using System.Collections.Generic;
using System.Linq;
using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using LanceOrm.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LanceOrm.Generators.Analyzers;

/// <summary>
/// The image half of <see cref="SearchCallAnalyzer"/>: LANCE024 when <c>Search(x => x.Member, image)</c> names an
/// <c>[Embed]</c> property whose function embeds text. The function is looked up among the built-ins and the
/// <c>[assembly: EmbeddingFunction]</c> declarations of the assembly that declares the property; an unknown function is
/// left to LANCE004.
/// </summary>
internal static class ImageSearchChecks
{
    /// <summary>Whether <paramref name="property"/>'s type holds an image (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>FileInfo</c>, nullable or not).</summary>
    public static bool HoldsImage(IPropertySymbol property) =>
        TypeClassifier.TryClassify(property.Type, out var classification) && TypeClassifier.IsImage(classification.Kind, classification.Shape);

    /// <summary>Reports LANCE024 for an image search on a property embedded with a text function.</summary>
    public static void CheckFunction(OperationAnalysisContext context, IAnonymousFunctionOperation lambda, ITypeSymbol entityType, INamedTypeSymbol embed)
    {
        var body = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? SearchCallAnalyzer.Unwrap(returned)
            : null;
        if (body is not IPropertyReferenceOperation { Instance: IParameterReferenceOperation } reference ||
            FunctionOf(reference.Property, embed) is not { Modality: FunctionModality.Text } function)
        {
            return;
        }

        var x = lambda.Symbol.Parameters.FirstOrDefault()?.Name ?? "x";
        var name = reference.Property.Name;
        var image = SearchCallAnalyzer.EmbeddedProperties(entityType, embed, HoldsImage).FirstOrDefault();
        var fix = $"search it with text, Search({x} => {x}.{name}, \"query\")" +
                  (image is null
                      ? $", or search by example an image property embedded with an image function such as [Embed(\"{KnownEmbeddingFunctions.ResNet18.Name}\")] on a {TypeClassifier.ImageTypes} property"
                      : $", or pass the image to an image property such as {x} => {x}.{image}");
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ImageSearchOnTextProperty, lambda.Syntax.GetLocation(), lambda.Syntax.ToString(), name, function.Name, fix));
    }

    /// <summary>The function named by the property's <c>[Embed]</c> (following overrides), when it is known.</summary>
    private static EmbeddingFunctionSpec? FunctionOf(IPropertySymbol property, INamedTypeSymbol embed)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            var attribute = current.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, embed));
            if (attribute is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is string name)
            {
                IEnumerable<EmbeddingFunctionSpec> known = KnownEmbeddingFunctions.From(current.ContainingAssembly);
                return known.FirstOrDefault(f => f.Name == name);
            }
        }

        return null;
    }
}
