using LanceOrm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>Runs the generator and the LanceOrm analyzers on a source and asserts on one diagnostic id.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Asserts that <paramref name="id"/> is reported exactly once, as an error, on <paramref name="locatedText"/>, with a message containing every fragment.</summary>
    public static async Task FiresAsync(string id, string source, string locatedText, params string[] messageFragments)
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(source);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(locatedText, diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(messageFragments, fragment => Assert.Contains(fragment, message));
        Assert.EndsWith("docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
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
