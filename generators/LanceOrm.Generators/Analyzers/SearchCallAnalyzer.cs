using System.Collections.Immutable;
using System.Linq;
using LanceOrm.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LanceOrm.Generators.Analyzers;

/// <summary>
/// LANCE012: <c>repository.Search(x => x.Member, "text")</c> — on <c>LanceRepository&lt;T, TKey&gt;</c> or any repository
/// derived from it — where <c>Member</c> is not an <c>[Embed]</c> property.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SearchCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SearchOnNonEmbeddedProperty);

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

        var body = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? Unwrap(returned)
            : null;
        if (body is IPropertyReferenceOperation { Instance: IParameterReferenceOperation parameter } propertyReference &&
            SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambda.Symbol.Parameters.FirstOrDefault()))
        {
            if (HasEmbed(propertyReference.Property, embed))
            {
                return;
            }

            Report(context, lambda, method.Name, propertyReference.Property.Name, entityType);
            return;
        }

        Report(context, lambda, method.Name, body?.Syntax.ToString() ?? lambda.Syntax.ToString(), entityType);
    }

    private static void Report(OperationAnalysisContext context, IAnonymousFunctionOperation lambda, string methodName, string member, ITypeSymbol entityType) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SearchOnNonEmbeddedProperty,
            lambda.Syntax.GetLocation(),
            member,
            entityType.Name,
            methodName));

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
