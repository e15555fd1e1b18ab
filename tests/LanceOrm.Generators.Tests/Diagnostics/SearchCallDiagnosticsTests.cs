namespace LanceOrm.Generators.Tests.Diagnostics;

public sealed class SearchCallDiagnosticsTests
{
    private static string WithCall(string call) => $$"""
        using LanceOrm;

        namespace Blog;

        [LanceTable("articles")]
        public partial class Article
        {
            [Key] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [Embed("minilm")] public string Body { get; set; } = "";
        }

        public static class Queries
        {
            public static object Run(LanceDbConnection db, LanceRepository<Article, string> repository)
            {
                return {{call}};
            }
        }
        """;

    [Fact]
    public Task LANCE012_fires_when_search_names_a_property_that_is_not_embedded() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("repository.Search(x => x.Title, \"text\")"), "x => x.Title", "x.Title", "'Title' is not an [Embed] property of 'Article'");

    [Fact]
    public Task LANCE012_fires_through_a_generated_derived_repository() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("db.Articles().Search(a => a.Id, \"text\")"), "a => a.Id", "'Id' is not an [Embed] property");

    [Fact]
    public Task LANCE012_names_an_embedded_property_to_search_instead() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("repository.Search(a => a.Title, \"text\")"), "a => a.Title", "Search(a => a.Title, text)", "such as a => a.Body", "add [Embed(\"function\")] to 'Title'");

    [Fact]
    public Task LANCE015_fires_when_the_selector_is_not_a_plain_property_access() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.Search(x => x.Body.Trim(), \"text\")"), "x => x.Body.Trim()",
            "Search(x => x.Body.Trim(), text)", "plain access to an [Embed] property of 'Article', such as x => x.Body");

    [Fact]
    public Task LANCE015_suggests_an_embedded_property_when_the_selector_reads_none() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.HybridSearch(p => p.Title + \"!\", \"text\")"), "p => p.Title + \"!\"",
            "HybridSearch(p => p.Title + \"!\", text)", "such as p => p.Body");

    [Fact]
    public Task LANCE015_fires_for_a_full_text_search_column_that_is_not_a_property_access() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.FullTextSearch(\"text\", x => x.Title, x => x.Body.ToLower())"), "x => x.Body.ToLower()",
            "FullTextSearch(text, x => x.Body.ToLower())", "plain access to a mapped property of 'Article', such as x => x.Body");

    [Fact]
    public Task LANCE015_fires_for_an_index_column_that_is_not_a_property_access() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.CreateScalarIndexAsync(x => x.Title + \"!\")"), "x => x.Title + \"!\"",
            "CreateScalarIndexAsync(x => x.Title + \"!\")", "such as x => x.Title");

    [Fact]
    public Task LANCE015_fires_for_an_update_assignment_that_is_not_a_property_access() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.UpdateAsync(x => x.Id == \"1\", set => set.Set(a => a.Title.Length, 3))"), "a => a.Title.Length",
            "Set(a => a.Title.Length, value)", "such as a => a.Title");

    [Fact]
    public Task LANCE015_is_silent_for_plain_selectors_in_full_text_search_indices_and_updates() =>
        DiagnosticAssert.SilentAsync(WithCall(
            "new object[] { repository.FullTextSearch(\"text\", x => x.Title, x => x.Body), repository.CreateScalarIndexAsync(x => x.Title), " +
            "repository.CreateVectorIndexAsync(x => x.Body), repository.UpdateAsync(x => x.Id == \"1\", set => set.Set(x => x.Title, \"t\")) }"));

    [Fact]
    public Task LANCE015_is_silent_for_a_plain_embedded_property_access() =>
        DiagnosticAssert.SilentAsync(WithCall("repository.Search(p => p.Body, \"text\")"));

    [Fact]
    public Task LANCE012_fires_when_hybrid_search_names_a_property_that_is_not_embedded() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("repository.HybridSearch(x => x.Title, \"text\")"), "x => x.Title", "HybridSearch(x => x.Title, text)", "'Title' is not an [Embed] property of 'Article'");

    [Fact]
    public Task LANCE012_is_silent_when_hybrid_search_names_an_embedded_property() =>
        DiagnosticAssert.SilentAsync(WithCall("repository.HybridSearch(x => x.Body, \"text\")"));

    [Fact]
    public Task LANCE012_is_silent_when_search_names_an_embedded_property() =>
        DiagnosticAssert.SilentAsync(WithCall("repository.Search(x => x.Body, \"text\")"));

    [Fact]
    public Task LANCE012_is_silent_for_the_generated_typed_search_method() =>
        DiagnosticAssert.SilentAsync(WithCall("db.Articles().SearchBody(\"text\")"));

    [Fact]
    public Task LANCE022_fires_for_a_sql_assignment_to_an_embedded_property() =>
        DiagnosticAssert.FiresAsync("LANCE022", WithCall("repository.UpdateAsync(x => x.Id == \"1\", set => set.SetSql(x => x.Body, \"upper(body)\"))"), "x => x.Body",
            "SetSql(x => x.Body, sql): 'Body' is an [Embed] property", "use set.Set(x => x.Body, newText)");

    [Fact]
    public Task LANCE022_is_silent_for_a_sql_assignment_to_a_plain_property_and_a_text_assignment_to_an_embedded_one() =>
        DiagnosticAssert.SilentAsync(WithCall("repository.UpdateAsync(x => x.Id == \"1\", set => set.SetSql(x => x.Title, \"upper(title)\").Set(x => x.Body, \"new text\"))"));
}
