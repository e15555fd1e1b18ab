using LanceOrm.Generators.Tests.Infrastructure;

namespace LanceOrm.Generators.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Article", TestSources.Article)]
    [InlineData("EveryType", TestSources.EveryType)]
    [InlineData("Document", TestSources.Document)]
    public void Generated_sources_match_the_checked_in_snapshots(string entity, string source)
    {
        var (sources, output, generatorDiagnostics) = TestCompilation.Generate(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(TestCompilation.CompilerProblems(output));
        Assert.Equal([$"{entity}.LanceMap.g.cs", $"{entity}.Repository.g.cs"], sources.Keys.Order());
        Snapshot.Match($"{entity}.LanceMap", sources[$"{entity}.LanceMap.g.cs"]);
        Snapshot.Match($"{entity}.Repository", sources[$"{entity}.Repository.g.cs"]);
    }
}
