using LanceOrm.Generators.Tests.Infrastructure;

namespace LanceOrm.Generators.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Blog.Article", TestSources.Article)]
    [InlineData("Catalog.EveryType", TestSources.EveryType)]
    [InlineData("Library.Document", TestSources.Document)]
    public void Generated_sources_match_the_checked_in_snapshots(string entity, string source)
    {
        var (sources, output, generatorDiagnostics) = TestCompilation.Generate(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.CompilerProblems(output));
        Assert.Equal([$"{entity}.LanceMap.g.cs", $"{entity}.Repository.g.cs"], sources.Keys.Order());
        Snapshot.Match($"{entity}.LanceMap", sources[$"{entity}.LanceMap.g.cs"]);
        Snapshot.Match($"{entity}.Repository", sources[$"{entity}.Repository.g.cs"]);
    }

    [Fact]
    public void Entities_of_the_same_name_in_different_namespaces_get_distinct_hint_names()
    {
        var (sources, output, generatorDiagnostics) = TestCompilation.Generate(
            TestSources.Article,
            TestSources.Article.Replace("namespace Blog;", "namespace Archive;"),
            TestSources.Article.Replace("namespace Blog;", ""));

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.CompilerProblems(output));
        Assert.Contains("Blog.Article.LanceMap.g.cs", sources.Keys);
        Assert.Contains("Archive.Article.LanceMap.g.cs", sources.Keys);
        Assert.Contains("Article.LanceMap.g.cs", sources.Keys);
    }
}
