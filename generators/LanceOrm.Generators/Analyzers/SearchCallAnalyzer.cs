using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LanceOrm.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LanceOrm.Generators.Analyzers;

/// <summary>
/// <c>repository.Search(x => x.Member, "text")</c> and <c>HybridSearch(...)</c> — on <c>LanceRepository&lt;T, TKey&gt;</c>
/// or any repository derived from it: LANCE012 when <c>Member</c> is not an <c>[Embed]</c> property, LANCE015 when the
/// selector is not a plain property access at all (<c>x => x.Body.Trim()</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SearchCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SearchOnNonEmbeddedProperty, DiagnosticDescriptors.SearchSelectorNotPropertyAccess);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var repository = start.Compilation.GetTypeByMetadataName(WellKnownNames.LanceRepository);
            var embed = start.Compilation.GetTypeByMetadataName(WellKnownNames.EmbedAttribute);
            if (repository is null || embed is null)
            {
                return;
            }

            start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, repository, embed), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol repository, INamedTypeSymbol embed)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Search" or "HybridSearch") || method.Parameters.Length != 2 ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, repository) ||
            method.Parameters[1].Type.SpecialType != SpecialType.System_String ||
            method.Parameters[0].Type is not INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 })
        {
            return;
        }

        var entityType = method.ContainingType!.TypeArguments[0];
        var argument = invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, method.Parameters[0]));
        if (argument is null || Unwrap(argument.Value) is not IAnonymousFunctionOperation lambda)
        {
            return; // not a lambda (an expression variable): nothing to check at compile time
        }

        var parameter = lambda.Symbol.Parameters.FirstOrDefault();
        var parameterName = parameter?.Name ?? "x";
        var body = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? Unwrap(returned)
            : null;
        var location = lambda.Syntax.GetLocation();
        var lambdaText = lambda.Syntax.ToString();
        if (body is IPropertyReferenceOperation { Instance: IParameterReferenceOperation reference } propertyReference &&
            SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
        {
            if (HasEmbed(propertyReference.Property, embed))
            {
                return;
            }

            var embedded = EmbeddedProperties(entityType, embed).FirstOrDefault();
            var fix = embedded is null
                ? $"add [Embed(\"minilm\")] to '{propertyReference.Property.Name}' ('{entityType.Name}' has no [Embed] property)"
                : $"search an [Embed] property such as {parameterName} => {parameterName}.{embedded}, or add [Embed(\"function\")] to '{propertyReference.Property.Name}'";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SearchOnNonEmbeddedProperty,
                location,
                propertyReference.Property.Name,
                entityType.Name,
                method.Name,
                lambdaText,
                fix));
            return;
        }

        // Prefer the [Embed] property the expression reads (x => x.Body.Trim() → x => x.Body), then any [Embed] property.
        var suggestion = (body ?? lambda).DescendantsAndSelf()
            .OfType<IPropertyReferenceOperation>()
            .Where(p => p.Instance is IParameterReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Parameter, parameter) && HasEmbed(p.Property, embed))
            .Select(p => p.Property.Name)
            .FirstOrDefault() ?? EmbeddedProperties(entityType, embed).FirstOrDefault();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SearchSelectorNotPropertyAccess,
            location,
            lambdaText,
            method.Name,
            entityType.Name,
            suggestion is null ? $"{parameterName} => {parameterName}.Body (after marking that property [Embed(\"minilm\")])" : $"{parameterName} => {parameterName}.{suggestion}"));
    }

    private static IEnumerable<string> EmbeddedProperties(ITypeSymbol entityType, INamedTypeSymbol embed)
    {
        for (var type = entityType; type is not null; type = type.BaseType)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (HasEmbed(property, embed))
                {
                    yield return property.Name;
                }
            }
        }
    }

    private static bool HasEmbed(IPropertySymbol property, INamedTypeSymbol embed)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (current.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, embed)))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }
}
