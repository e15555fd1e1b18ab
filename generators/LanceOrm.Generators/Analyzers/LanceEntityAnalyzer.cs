using System.Collections.Immutable;
using System.Linq;
using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using LanceOrm.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LanceOrm.Generators.Analyzers;

/// <summary>
/// Validates <c>[LanceTable]</c> entities (every <c>LanceOrm.Mapping</c> rule) with the same parser the generator
/// uses, so what the analyzer accepts is exactly what the generator emits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LanceEntityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.EntityRules.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var lanceTable = start.Compilation.GetTypeByMetadataName(WellKnownNames.LanceTableAttribute);
            if (lanceTable is null)
            {
                return;
            }

            var functions = KnownEmbeddingFunctions.From(start.Compilation.Assembly);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, lanceTable, functions), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol lanceTable, ImmutableArray<EmbeddingFunctionSpec> functions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, lanceTable));
        if (attribute is null)
        {
            return;
        }

        var result = EntityParser.Parse(type, attribute, functions, context.CancellationToken);
        foreach (var info in result.Diagnostics)
        {
            var descriptor = DiagnosticDescriptors.ById[info.Id];
            var location = info.Location?.ToLocation(context.Compilation) ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, info.Arguments.Cast<object>().ToArray()));
        }
    }
}
