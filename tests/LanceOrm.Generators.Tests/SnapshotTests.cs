using LanceOrm.Generators.Tests.Infrastructure;

namespace LanceOrm.Generators.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Blog.Article", TestSources.Article)]
    [InlineData("Catalog.EveryType", TestSources.EveryType)]
    [InlineData("Library.Document", TestSources.Document)]
    [InlineData("Gallery.Photo", TestSources.Photo)]
    public void Generated_sources_match_the_checked_in_snapshots(string entity, string source)
    {
        var (sources, output, generatorDiagnostics) = TestCompilation.Generate(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.CompilerProblems(output));
        Assert.Equal(["LanceOrm.Repositories.g.cs", $"{entity}.LanceMap.g.cs", $"{entity}.Repository.g.cs"], sources.Keys.Order(StringComparer.Ordinal).Where(k => k != "LanceOrm.Repositories.g.cs").Prepend("LanceOrm.Repositories.g.cs"));
        Snapshot.Match($"{entity}.LanceMap", sources[$"{entity}.LanceMap.g.cs"]);
        Snapshot.Match($"{entity}.Repository", sources[$"{entity}.Repository.g.cs"]);
        Snapshot.Match($"{entity}.Registrations", sources["LanceOrm.Repositories.g.cs"]);
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

    [Fact]
    public void One_AddGeneratedRepositories_registers_every_repository_of_the_compilation_in_name_order()
    {
        var (sources, output, generatorDiagnostics) = TestCompilation.Generate(
            TestSources.Document,
            TestSources.Article,
            TestSources.Article.Replace("namespace Blog;", "namespace Archive;"));

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.CompilerProblems(output));
        var registrations = sources["LanceOrm.Repositories.g.cs"];
        Assert.Contains("internal static class LanceOrmGeneratedRepositories", registrations);
        var lines = registrations.Split('\n').Where(l => l.Contains("builder.AddRepository<", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(
        [
            "builder.AddRepository<global::Archive.ArticleRepository>(static connection => new global::Archive.ArticleRepository(connection));",
            "builder.AddRepository<global::Blog.ArticleRepository>(static connection => new global::Blog.ArticleRepository(connection));",
            "builder.AddRepository<global::Library.DocumentRepository>(static connection => new global::Library.DocumentRepository(connection));",
        ], lines);
    }

    [Fact]
    public void A_compilation_whose_entities_all_have_errors_gets_no_registration_file()
    {
        var (sources, _, _) = TestCompilation.Generate(TestSources.Article.Replace("partial class", "class"));

        Assert.DoesNotContain("LanceOrm.Repositories.g.cs", sources.Keys);
    }
}
