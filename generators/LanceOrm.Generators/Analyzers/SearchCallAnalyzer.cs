using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LanceOrm.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LanceOrm.Generators.Analyzers;

/// <summary>
/// Column selectors at call sites of <c>LanceRepository&lt;T, TKey&gt;</c> (or a repository derived from it), of
/// <c>LanceSnapshot&lt;T, TKey&gt;</c> (a pinned version, searched the same way) and of <c>LanceUpdateBuilder&lt;T&gt;</c>: LANCE012 when <c>Search(x => x.Member, text)</c> / <c>HybridSearch</c> /
/// <c>Search(x => x.Member, image)</c> names a property that is not <c>[Embed]</c>; LANCE024 when
/// <c>Search(x => x.Member, image)</c> names a property embedded with a text function (text on an image property does not
/// compile: every text overload takes an <c>Expression&lt;Func&lt;T, string&gt;&gt;</c>); LANCE015 when a selector (<c>Search</c>, <c>HybridSearch</c>,
/// <c>FullTextSearch</c>, <c>Create*IndexAsync</c>, <c>Set</c>, <c>SetSql</c>) is not a plain property access, such as
/// <c>x => x.Body.Trim()</c>; LANCE022 when <c>set.SetSql(x => x.Member, sql)</c> assigns an <c>[Embed]</c> property (its
/// vector cannot follow a value computed by the server).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SearchCallAnalyzer : DiagnosticAnalyzer
{
    private const string UpdateBuilder = "LanceOrm.LanceUpdateBuilder`1";
    private const string ImageInput = "LanceOrm.Embeddings.ImageInput";

    /// <summary>The parameter names of column selectors (predicates and projections are other names).</summary>
    private static readonly ImmutableHashSet<string> SelectorParameters = ImmutableHashSet.Create("property", "embeddedProperty", "columns");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            DiagnosticDescriptors.SearchOnNonEmbeddedProperty,
            DiagnosticDescriptors.SelectorNotPropertyAccess,
            DiagnosticDescriptors.SqlAssignmentToEmbeddedProperty,
            DiagnosticDescriptors.ImageSearchOnTextProperty);

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

            var updateBuilder = start.Compilation.GetTypeByMetadataName(UpdateBuilder);
            var snapshot = start.Compilation.GetTypeByMetadataName(WellKnownNames.LanceSnapshot);
            start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, repository, snapshot, updateBuilder, embed), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol repository, INamedTypeSymbol? snapshot, INamedTypeSymbol? updateBuilder, INamedTypeSymbol embed)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var declaring = method.ContainingType?.OriginalDefinition;
        if (declaring is null ||
            !(SymbolEqualityComparer.Default.Equals(declaring, repository) || SymbolEqualityComparer.Default.Equals(declaring, snapshot) ||
              SymbolEqualityComparer.Default.Equals(declaring, updateBuilder)))
        {
            return;
        }

        var entityType = method.ContainingType!.TypeArguments[0];
        var isRepository = SymbolEqualityComparer.Default.Equals(declaring, repository) || SymbolEqualityComparer.Default.Equals(declaring, snapshot);
        var isImageSearch = isRepository && method.Name == "Search" && method.Parameters.Length == 2 &&
                            method.Parameters[1].Type.ToDisplayString() == ImageInput;
        var isTextSearch = isImageSearch || (isRepository &&
                           method.Name is "Search" or "HybridSearch" && method.Parameters.Length == 2 &&
                           method.Parameters[1].Type.SpecialType == SpecialType.System_String);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !SelectorParameters.Contains(parameter.Name) || !IsExpressionType(parameter.Type))
            {
                continue;
            }

            foreach (var value in Values(argument))
            {
                if (Unwrap(value) is IAnonymousFunctionOperation lambda)
                {
                    // Not a lambda (an expression variable): nothing to check at compile time.
                    Check(context, lambda, method, entityType, isTextSearch, embed);
                    if (isImageSearch)
                    {
                        ImageSearchChecks.CheckFunction(context, lambda, entityType, embed);
                    }

                    if (method.Name == "SetSql" && SymbolEqualityComparer.Default.Equals(declaring, updateBuilder))
                    {
                        CheckSqlAssignment(context, lambda, embed);
                    }
                }
            }
        }
    }

    private static void Check(OperationAnalysisContext context, IAnonymousFunctionOperation lambda, IMethodSymbol method, ITypeSymbol entityType, bool isTextSearch, INamedTypeSymbol embed)
    {
        var parameter = lambda.Symbol.Parameters.FirstOrDefault();
        var x = parameter?.Name ?? "x";
        var body = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? Unwrap(returned)
            : null;
        var location = lambda.Syntax.GetLocation();
        var lambdaText = lambda.Syntax.ToString();
        if (body is IPropertyReferenceOperation { Instance: IParameterReferenceOperation reference } propertyReference &&
            SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
        {
            if (!isTextSearch || HasEmbed(propertyReference.Property, embed))
            {
                return;
            }

            var isImage = method.Parameters[1].Type.SpecialType != SpecialType.System_String;
            var embedded = EmbeddedProperties(entityType, embed, isImage ? ImageSearchChecks.HoldsImage : null).FirstOrDefault();
            var fix = embedded is null
                ? $"add [Embed(\"{(isImage ? "resnet18" : "minilm")}\")] to '{propertyReference.Property.Name}' ('{entityType.Name}' has no {(isImage ? "image " : "")}[Embed] property)"
                : $"search an [Embed] property such as {x} => {x}.{embedded}, or add [Embed(\"function\")] to '{propertyReference.Property.Name}'";
            var argument = method.Parameters[1].Type.SpecialType == SpecialType.System_String ? "text" : "image";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SearchOnNonEmbeddedProperty, location, propertyReference.Property.Name, entityType.Name, method.Name, lambdaText, fix, argument));
            return;
        }

        // Suggest the property the expression reads (x => x.Body.Trim() → x => x.Body); for text search an [Embed] one.
        var read = (body ?? lambda).DescendantsAndSelf()
            .OfType<IPropertyReferenceOperation>()
            .Where(p => p.Instance is IParameterReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Parameter, parameter) &&
                        (!isTextSearch || HasEmbed(p.Property, embed)))
            .Select(p => p.Property.Name)
            .FirstOrDefault();
        var suggestion = read ?? (isTextSearch ? EmbeddedProperties(entityType, embed).FirstOrDefault() : null);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SelectorNotPropertyAccess,
            location,
            CallText(method, lambda, lambdaText),
            isTextSearch ? $"a plain access to an [Embed] property of '{entityType.Name}'" : $"a plain access to a mapped property of '{entityType.Name}'",
            suggestion is not null ? $"{x} => {x}.{suggestion}"
                : isTextSearch ? $"{x} => {x}.Body (after marking that property [Embed(\"minilm\")])" : $"{x} => {x}.Title"));
    }

    private static void CheckSqlAssignment(OperationAnalysisContext context, IAnonymousFunctionOperation lambda, INamedTypeSymbol embed)
    {
        var body = lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? Unwrap(returned)
            : null;
        if (body is IPropertyReferenceOperation { Instance: IParameterReferenceOperation } propertyReference && HasEmbed(propertyReference.Property, embed))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SqlAssignmentToEmbeddedProperty, lambda.Syntax.GetLocation(), lambda.Syntax.ToString(), propertyReference.Property.Name));
        }
    }

    /// <summary>The call as the user wrote it, with the selector in place and other required parameters by name: <c>Search(x => x.Body.Trim(), text)</c>.</summary>
    private static string CallText(IMethodSymbol method, IAnonymousFunctionOperation lambda, string lambdaText)
    {
        var selectorParameter = (lambda.Parent as IArgumentOperation)?.Parameter
            ?? (Ancestor<IArgumentOperation>(lambda))?.Parameter;
        var parts = method.Parameters
            .Where(p => SymbolEqualityComparer.Default.Equals(p, selectorParameter) || (!p.IsOptional && !p.IsParams && p.Type.Name != "CancellationToken"))
            .Select(p => SymbolEqualityComparer.Default.Equals(p, selectorParameter) ? lambdaText : p.Name);
        return $"{method.Name}({string.Join(", ", parts)})";
    }

    private static T? Ancestor<T>(IOperation operation)
        where T : class, IOperation
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsExpressionType(ITypeSymbol type) =>
        (type is IArrayTypeSymbol array ? array.ElementType : type) is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 };

    private static IEnumerable<IOperation> Values(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : new[] { argument.Value };

    /// <summary>The names of the <c>[Embed]</c> properties of <paramref name="entityType"/> (and its bases) that pass <paramref name="where"/>.</summary>
    internal static IEnumerable<string> EmbeddedProperties(ITypeSymbol entityType, INamedTypeSymbol embed, System.Func<IPropertySymbol, bool>? where = null)
    {
        for (var type = entityType; type is not null; type = type.BaseType)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (HasEmbed(property, embed) && (where is null || where(property)))
                {
                    yield return property.Name;
                }
            }
        }
    }

    internal static bool HasEmbed(IPropertySymbol property, INamedTypeSymbol embed)
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

    internal static IOperation Unwrap(IOperation operation)
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
