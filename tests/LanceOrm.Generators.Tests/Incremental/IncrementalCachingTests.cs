using LanceOrm.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LanceOrm.Generators.Tests.Incremental;

public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps = [LanceOrmStepNames.ParseEntities, LanceOrmStepNames.ValidEntities];

    private const string Unrelated = """
        namespace Blog;

        public sealed class Clock
        {
            public int Now() => 1;
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = TestCompilation.Create(TestSources.Article, Unrelated);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);
        return (driver, compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, CSharpCompilation compilation) =>
        driver.RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, old.FilePath));
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Reasons(GeneratorRunResult result) =>
        from name in TrackedSteps
        from step in result.TrackedSteps[name]
        from output in step.Outputs
        select (name, output.Reason);

    private static void AssertNothingRegenerated(GeneratorRunResult result)
    {
        var reasons = Reasons(result).ToList();
        Assert.Equal(TrackedSteps, reasons.Select(r => r.Step).Distinct());
        Assert.All(reasons, r => Assert.True(
            r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Step {r.Step} was {r.Reason}."));
        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Source output was {o.Reason}."));
    }

    [Fact]
    public void An_edit_to_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        var result = Rerun(driver, Replace(compilation, 1, Unrelated.Replace("=> 1", "=> 2")));

        AssertNothingRegenerated(result);
    }

    [Fact]
    public void Adding_an_unrelated_type_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        var result = Rerun(driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public record Point(int X, int Y);", TestCompilation.ParseOptions, "Other.cs", cancellationToken: TestContext.Current.CancellationToken)));

        AssertNothingRegenerated(result);
    }

    [Fact]
    public void An_edit_below_the_entity_in_its_own_file_leaves_the_model_unchanged()
    {
        var (driver, compilation) = FirstRun();

        var result = Rerun(driver, Replace(compilation, 0, TestSources.Article + "\npublic static class Helpers { public static int Two() => 2; }\n"));

        AssertNothingRegenerated(result);
    }

    [Fact]
    public void An_edit_above_the_entity_that_moves_it_leaves_the_model_unchanged_because_it_holds_no_locations()
    {
        var (driver, compilation) = FirstRun();

        var result = Rerun(driver, Replace(compilation, 0, "// a comment that shifts every line\n\n" + TestSources.Article));

        AssertNothingRegenerated(result);
    }

    [Fact]
    public void A_real_edit_to_the_entity_is_seen_as_modified_and_changes_the_generated_source()
    {
        var (driver, compilation) = FirstRun();
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Blog.Article.LanceMap.g.cs").SourceText.ToString();

        var result = Rerun(driver, Replace(compilation, 0, TestSources.Article.Replace("public int Year { get; set; }", "public long Year { get; set; }")));

        Assert.Contains((LanceOrmStepNames.ParseEntities, IncrementalStepRunReason.Modified), Reasons(result));
        Assert.Contains((LanceOrmStepNames.ValidEntities, IncrementalStepRunReason.Modified), Reasons(result));
        var after = result.GeneratedSources.Single(s => s.HintName == "Blog.Article.LanceMap.g.cs").SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("Int64Array", after);
    }

    [Fact]
    public void Declaring_an_embedding_function_elsewhere_is_seen_by_the_entity()
    {
        var entity = TestSources.Article.Replace("[Embed(\"minilm\")]", "[Embed(\"custom\")]");
        var compilation = TestCompilation.Create(entity, Unrelated);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);

        var result = Rerun(driver, Replace(compilation, 1, "[assembly: LanceOrm.EmbeddingFunction(\"custom\", 16)]\n" + Unrelated));

        Assert.Contains((LanceOrmStepNames.ParseEntities, IncrementalStepRunReason.Modified), Reasons(result));
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Blog.Article.LanceMap.g.cs");
    }

    [Fact]
    public void Declaring_a_function_as_an_image_function_switches_the_entity_to_an_image_binding()
    {
        var entity = TestSources.Article.Replace("[Embed(\"minilm\")] public string Body { get; set; } = \"\";", "[Embed(\"custom\")] public byte[] Body { get; set; } = [];");
        var compilation = TestCompilation.Create(entity, "[assembly: LanceOrm.EmbeddingFunction(\"custom\", 16)]\n" + Unrelated);
        var driver = TestCompilation.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);

        var result = Rerun(driver, Replace(compilation, 1, "[assembly: LanceOrm.EmbeddingFunction(\"custom\", 16, Modality = LanceOrm.Embeddings.EmbeddingModality.Image)]\n" + Unrelated));

        Assert.Contains((LanceOrmStepNames.ParseEntities, IncrementalStepRunReason.Modified), Reasons(result));
        var map = Assert.Single(result.GeneratedSources, s => s.HintName == "Blog.Article.LanceMap.g.cs").SourceText.ToString();
        Assert.Contains("getSourceImage: static entity => entity.Body is { } image", map);
        Assert.Contains("""CreateSchema(s_columns, null, "[{\"name\":\"custom\",""", map);
    }
}
