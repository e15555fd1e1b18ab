using System.Linq.Expressions;
using LanceOrm.Querying;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

public sealed class FilterTranslatorTests
{
    private static readonly FilterTranslator<Note> Translator = new(Note.LanceMap);

    private static string Sql(Expression<Func<Note, bool>> predicate) => Translator.Translate(predicate);

    [Fact]
    public void Comparisons_use_the_mapped_column_names_quoted()
    {
        Assert.Equal("`year` >= 2024", Sql(x => x.Year >= 2024));
        Assert.Equal("`year` != 3", Sql(x => x.Year != 3));
        Assert.Equal("`created_at` < TIMESTAMP '2024-01-02T03:04:05.123456Z'",
            Sql(x => x.CreatedAt < new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560)));
    }

    [Fact]
    public void A_constant_on_the_left_flips_the_operator()
    {
        Assert.Equal("`year` < 2024", Sql(x => 2024 > x.Year));
    }

    [Fact]
    public void Logical_operators_are_parenthesised()
    {
        Assert.Equal("((`year` > 1) AND (`published` = TRUE)) OR (NOT (`title` = 'a'))",
            Sql(x => (x.Year > 1 && x.Published) || !(x.Title == "a")));
    }

    [Fact]
    public void Null_checks_become_IS_NULL_and_IS_NOT_NULL()
    {
        Assert.Equal("`rating` IS NULL", Sql(x => x.Rating == null));
        Assert.Equal("`rating` IS NOT NULL", Sql(x => x.Rating != null));
        Assert.Equal("`rating` IS NOT NULL", Sql(x => x.Rating.HasValue));
        Assert.Equal("`rating` > 2.5", Sql(x => x.Rating!.Value > 2.5));
    }

    [Fact]
    public void Captured_variables_and_member_chains_are_evaluated_into_literals()
    {
        var holder = new { Inner = new { Year = 2021 } };
        var title = "it's";
        Assert.Equal("`year` = 2021", Sql(x => x.Year == holder.Inner.Year));
        Assert.Equal("`title` = 'it''s'", Sql(x => x.Title == title));
        Assert.Equal("`year` = 2030", Sql(x => x.Year == DateTime.UnixEpoch.Year + 60));
    }

    [Fact]
    public void Enums_are_compared_by_member_name()
    {
        var wanted = Category.Science;
        Assert.Equal("`category` = 'Science'", Sql(x => x.Category == wanted));
        Assert.Equal("`category` != 'News'", Sql(x => x.Category != Category.News));
    }

    [Fact]
    public void Dates_and_timestamps_become_typed_literals()
    {
        Assert.Equal("`day` >= DATE '2024-02-29'", Sql(x => x.Day >= new DateOnly(2024, 2, 29)));
        var offset = new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("`created_at` = TIMESTAMP '2024-01-01T00:00:00.000000Z'", Sql(x => x.CreatedAt == offset.UtcDateTime));
    }

    [Fact]
    public void String_methods_become_LIKE_with_wildcards_and_the_escape_character_escaped()
    {
        Assert.Equal(@"`title` LIKE '%50\%\_off\\%' ESCAPE '\'", Sql(x => x.Title.Contains(@"50%_off\")));
        Assert.Equal(@"`title` LIKE 'ab%' ESCAPE '\'", Sql(x => x.Title.StartsWith("ab")));
        Assert.Equal(@"`title` LIKE '%''q' ESCAPE '\'", Sql(x => x.Title.EndsWith("'q")));
    }

    [Fact]
    public void Collection_contains_becomes_IN_for_arrays_lists_and_sets()
    {
        var ids = new[] { "a", "b'c" };
        var years = new List<int> { 1, 2 };
        var categories = new HashSet<Category> { Category.News };
        Assert.Equal("`id` IN ('a', 'b''c')", Sql(x => ids.Contains(x.Id)));
        Assert.Equal("`year` IN (1, 2)", Sql(x => years.Contains(x.Year)));
        Assert.Equal("`category` IN ('News')", Sql(x => categories.Contains(x.Category)));
        Assert.Equal("FALSE", Sql(x => Array.Empty<string>().Contains(x.Id)));
    }

    [Fact]
    public void Boolean_members_and_constants_translate()
    {
        Assert.Equal("`published` = TRUE", Sql(x => x.Published));
        Assert.Equal("NOT (`published` = TRUE)", Sql(x => !x.Published));
        Assert.Equal("`published` = FALSE", Sql(x => x.Published == false));
        Assert.Equal("TRUE", Sql(x => true));
    }

    [Fact]
    public void Unsupported_expressions_throw_NotSupportedException_naming_the_sub_expression()
    {
        var error = Assert.Throws<NotSupportedException>(() => Sql(x => x.Title.ToUpper() == "A"));
        Assert.Contains("ToUpper()", error.Message);

        var culture = Assert.Throws<NotSupportedException>(() => Sql(x => x.Title.StartsWith("a", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("StartsWith", culture.Message);

        var arithmetic = Assert.Throws<NotSupportedException>(() => Sql(x => x.Year + 1 == 2));
        Assert.Contains("(x.Year + 1)", arithmetic.Message);
    }

    [Fact]
    public void Computed_members_of_columns_are_reported()
    {
        var error = Assert.Throws<NotSupportedException>(() => Sql(x => x.Title.Length > 3));
        Assert.Contains("x.Title.Length", error.Message);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("\\'")]
    [InlineData("' OR 1=1 --")]
    [InlineData("x'); DROP TABLE notes; --")]
    public void No_string_value_can_end_the_literal_early(string payload)
    {
        var sql = Sql(x => x.Title == payload);
        Assert.StartsWith("`title` = '", sql);
        Assert.EndsWith("'", sql);
        var inner = sql["`title` = '".Length..^1];
        // Every quote inside the literal is doubled, so the literal spans to the final quote.
        Assert.Equal(payload, inner.Replace("''", "'"));
        Assert.DoesNotMatch("(?<!')'(?!')", inner);
    }
}
