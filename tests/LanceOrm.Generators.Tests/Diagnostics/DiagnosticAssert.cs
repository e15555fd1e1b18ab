using LanceOrm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>Runs the generator and the LanceOrm analyzers on a source and asserts on one diagnostic id.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that <paramref name="id"/> is the one and only LanceOrm diagnostic, an error, on <paramref name="locatedText"/>,
    /// with a message containing every fragment; that a mapping rule stops the generator from emitting the entity; and
    /// that the compilation has no compiler error or warning at all (none from generated code in particular).
    /// </summary>
    public static Task FiresAsync(string id, string source, string locatedText, params string[] messageFragments) =>
        FiresAlongsideAsync(id, source, locatedText, [], messageFragments);

    /// <summary>
    /// <see cref="FiresAsync"/> for misuse the C# compiler reports too, in user code (<paramref name="compilerIds"/>,
    /// e.g. CS0592 for an attribute on a struct): those errors are expected, any other is not, and none may come from
    /// generated code.
    /// </summary>
    public static async Task FiresAlongsideAsync(string id, string source, string locatedText, string[] compilerIds, params string[] messageFragments)
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(locatedText, diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(messageFragments, fragment => Assert.Contains(fragment, message));
        Assert.EndsWith("docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);

        var (generated, output, _) = TestCompilation.Generate(source);
        if (diagnostic.Descriptor.Category == "LanceOrm.Mapping")
        {
            Assert.DoesNotContain(generated.Keys, hint => hint.EndsWith(".LanceMap.g.cs", StringComparison.Ordinal));
        }

        var problems = TestCompilation.CompilerProblems(output);
        Assert.All(problems, p => Assert.Equal("Source0.cs", p.Location.SourceTree?.FilePath));
        Assert.Equal(compilerIds.Order(), problems.Select(p => p.Id).Distinct().Order());
    }

    /// <summary>Asserts that no LanceOrm diagnostic at all is reported and the code compiles cleanly.</summary>
    public static async Task SilentAsync(string source)
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(source);
        Assert.Empty(diagnostics);
        var (_, output, _) = TestCompilation.Generate(source);
        Assert.Empty(TestCompilation.CompilerProblems(output));
    }
}
