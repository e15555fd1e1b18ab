using System.Collections.Immutable;
using LanceOrm.Generators;
using LanceOrm.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LanceOrm.Generators.Tests.Infrastructure;

/// <summary>
/// In-memory compilations of test sources against the running net10.0 platform assemblies plus LanceOrm and
/// Apache.Arrow, with the real generator and analyzers.
/// </summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths
            .Where(p => !Path.GetFileName(p).StartsWith("LanceOrm.Generators", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The SDK suppresses these two for every project (binding-redirect notices, not code problems).
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new LanceOrmGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the generated sources by hint name and the compilation including them.</summary>
    public static (IReadOnlyDictionary<string, string> Sources, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(params string[] sources)
    {
        var compilation = Create(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return (generated, output, diagnostics);
    }

    /// <summary>Runs the generator, then every LanceOrm analyzer; returns the analyzer diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var (_, output, _) = Generate(sources);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LanceEntityAnalyzer(), new SearchCallAnalyzer());
        return await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Compiler errors and warnings of a compilation (hidden/info diagnostics excluded).</summary>
    public static IReadOnlyList<Diagnostic> CompilerProblems(Compilation compilation) =>
        compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
}
