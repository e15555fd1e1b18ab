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
        Assert.Equal("`rating` > 2.5 AND NOT isnan(`rating`)", Sql(x => x.Rating!.Value > 2.5));
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
        Assert.Equal("`category` = 'News'", Sql(x => categories.Contains(x.Category)));
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

    private static readonly FilterTranslator<FilterRow> Rows = new(FilterRow.LanceMap);

    private static string RowSql(Expression<Func<FilterRow, bool>> predicate) => Rows.Translate(predicate);

    [Fact]
    public void Not_equal_on_a_nullable_column_keeps_the_null_rows_as_LINQ_does()
    {
        Assert.Equal("`note` != 'a' OR `note` IS NULL", RowSql(x => x.Note != "a"));
        Assert.Equal("`text` != 'a'", RowSql(x => x.Text != "a"));
        Assert.Equal("`rank` != 5 OR `rank` IS NULL", RowSql(x => x.Rank != 5));
        Assert.Equal("`optional_flag` != TRUE OR `optional_flag` IS NULL", RowSql(x => x.OptionalFlag != true));
    }

    [Fact]
    public void Negating_a_comparison_on_a_nullable_column_keeps_the_null_rows()
    {
        Assert.Equal("(`rank` > 50) IS NOT TRUE", RowSql(x => !(x.Rank > 50)));
        Assert.Equal("NOT (`int32` > 50)", RowSql(x => !(x.Int32 > 50)));
        Assert.Equal("NOT ((`rank` > 1) IS NOT TRUE)", RowSql(x => !!(x.Rank > 1)));
        Assert.Equal("((`rank` > 1) AND (`int32` = 2)) IS NOT TRUE", RowSql(x => !(x.Rank > 1 && x.Int32 == 2)));
        Assert.Equal("(`note` = 'a') OR ((`rank` < 3) IS NOT TRUE)", RowSql(x => x.Note == "a" || !(x.Rank < 3)));
    }

    [Fact]
    public void Null_literals_test_for_null_and_ordering_against_null_is_false()
    {
        Assert.Equal("`rank` IS NULL", RowSql(x => x.Rank == null));
        Assert.Equal("`note` IS NOT NULL", RowSql(x => x.Note != null));
        int? none = null;
        Assert.Equal("FALSE", RowSql(x => x.Rank > none));
    }

    [Fact]
    public void Two_nullable_columns_are_equal_when_both_are_null()
    {
        Assert.Equal("(`rank` = `rank`) OR (`rank` IS NULL AND `rank` IS NULL)", RowSql(x => x.Rank == x.Rank));
        Assert.Equal("`int32` = `rank`", RowSql(x => x.Int32 == x.Rank));
        Assert.Equal("((`rank` = `rank`) OR (`rank` IS NULL AND `rank` IS NULL)) IS NOT TRUE", RowSql(x => x.Rank != x.Rank));
        Assert.Equal("(`int32` = `rank`) IS NOT TRUE", RowSql(x => x.Int32 != x.Rank));
    }

    [Fact]
    public void Contains_with_null_in_the_collection_matches_null_rows()
    {
        var notes = new List<string?> { "a", null };
        Assert.Equal("`note` = 'a' OR `note` IS NULL", RowSql(x => notes.Contains(x.Note)));
        var ranks = new[] { 1, 2 };
        Assert.Equal("(`rank` IN (1, 2)) IS NOT TRUE", RowSql(x => !ranks.Contains(x.Rank!.Value)));
        Assert.Equal("NOT (`note` = 'a' OR `note` IS NULL)", RowSql(x => !notes.Contains(x.Note)));
    }

    [Fact]
    public void Decimals_are_decimal128_literals_and_extra_digits_round_to_the_neighbour()
    {
        Assert.Equal("`price` > CAST('1234.5' AS DECIMAL(38, 9))", RowSql(x => x.Price > 1234.5m));
        Assert.Equal("`price` >= CAST('1.000000001' AS DECIMAL(38, 9))", RowSql(x => x.Price > 1.0000000001m));
        Assert.Equal("FALSE", RowSql(x => x.Price == 1.0000000001m));
        Assert.Equal("`price` > CAST('3' AS DECIMAL(38, 9))", RowSql(x => x.Price > 3));
    }

    [Fact]
    public void Sixty_four_bit_extremes_are_exact_literals()
    {
        Assert.Equal("`u_int64` = CAST('18446744073709551615' AS BIGINT UNSIGNED)", RowSql(x => x.UInt64 == ulong.MaxValue));
        Assert.Equal("`int64` = CAST('-9223372036854775808' AS BIGINT)", RowSql(x => x.Int64 == long.MinValue));
        Assert.Equal("`u_int64` > 9223372036854775807", RowSql(x => x.UInt64 > long.MaxValue));
    }

    [Fact]
    public void Values_the_column_cannot_hold_become_neighbours_or_constants()
    {
        Assert.Equal("`int32` >= 2", RowSql(x => x.Int32 > 1.5));
        Assert.Equal("`int32` <= 1", RowSql(x => x.Int32 < 1.5));
        Assert.Equal("FALSE", RowSql(x => x.Int32 == 1.5));
        Assert.Equal("TRUE", RowSql(x => x.Int32 != 1.5));
        var big = 300;
        Assert.Equal("FALSE", RowSql(x => x.UInt8 > big));
        Assert.Equal("`u_int8` <= 255", RowSql(x => x.UInt8 < big));
        Assert.Equal("`rank` <= 2147483647", RowSql(x => x.Rank < double.PositiveInfinity));
        Assert.Throws<NotSupportedException>(() => RowSql(x => x.Int64 > 1e19));
    }

    [Fact]
    public void Float_columns_compare_as_CSharp_compares_floats_and_doubles()
    {
        Assert.Equal("`single` > 0.10000000149011612 AND NOT isnan(`single`)", RowSql(x => x.Single > 0.1f));
        Assert.Equal("`single` >= 0.10000000149011612 AND NOT isnan(`single`)", RowSql(x => x.Single > 0.1));
        Assert.Equal("`single` <= 0.09999999403953552 AND NOT isnan(`single`)", RowSql(x => x.Single < 0.1));
        Assert.Equal("FALSE", RowSql(x => x.Single == 0.1));
    }

    [Fact]
    public void NaN_compares_false_except_not_equal_and_guards_every_ordering()
    {
        Assert.Equal("FALSE", RowSql(x => x.Double == double.NaN));
        Assert.Equal("FALSE", RowSql(x => x.Double < double.NaN));
        Assert.Equal("TRUE", RowSql(x => x.OptionalDouble != double.NaN));
        Assert.Equal("`double` < CAST('Infinity' AS DOUBLE) AND NOT isnan(`double`)", RowSql(x => x.Double < double.PositiveInfinity));
        Assert.Equal("`double` = CAST('-Infinity' AS DOUBLE)", RowSql(x => x.Double == double.NegativeInfinity));
        Assert.Equal("`double` != 1.5", RowSql(x => x.Double != 1.5));
        Assert.Equal("isnan(`double`)", RowSql(x => x.Double.Equals(double.NaN)));
        var values = new[] { double.NaN, 0.0, 2 };
        Assert.Equal("`double` = 2.0 OR isnan(`double`) OR (`double` >= -0.0 AND `double` <= 0.0)", RowSql(x => values.Contains(x.Double)));
    }

    [Fact]
    public void Negative_zero_equals_zero()
    {
        Assert.Equal("(`double` >= -0.0 AND `double` <= 0.0)", RowSql(x => x.Double == 0));
        Assert.Equal("`double` < -0.0 AND NOT isnan(`double`)", RowSql(x => x.Double < -0.0));
        Assert.Equal("`double` > 0.0 AND NOT isnan(`double`)", RowSql(x => x.Double > 0));
    }

    [Fact]
    public void Timestamps_follow_the_writer_and_sub_microsecond_values_round_to_the_neighbour()
    {
        var utc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Assert.Equal("`created_at` = TIMESTAMP '2024-01-02T03:04:05.000000Z'", RowSql(x => x.CreatedAt == DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)));
        Assert.Equal("`created_at` = TIMESTAMP '2024-01-02T03:04:05.000000Z'", RowSql(x => x.CreatedAt == utc.ToLocalTime()));
        Assert.Equal("`created_at` >= TIMESTAMP '2024-01-02T03:04:05.000001Z'", RowSql(x => x.CreatedAt > utc.AddTicks(1)));
        Assert.Equal("FALSE", RowSql(x => x.CreatedAt == utc.AddTicks(1)));
        var offset = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2));
        Assert.Equal("`published_at` < TIMESTAMP '2024-01-02T03:04:05.000000Z'", RowSql(x => x.PublishedAt < offset));
        Assert.Equal("`day` = DATE '0001-01-01'", RowSql(x => x.Day == DateOnly.MinValue));
    }

    [Fact]
    public void Enums_order_by_value_and_undefined_values_match_nothing()
    {
        Assert.Equal("`mood` IN ('Happy', 'Ecstatic')", RowSql(x => x.Mood > Mood.Calm));
        Assert.Equal("`mood` = 'Grumpy'", RowSql(x => x.Mood == Mood.Grumpy));
        Assert.Equal("FALSE", RowSql(x => x.Mood == (Mood)5));
        Assert.Equal("`optional_mood` != 'Calm' OR `optional_mood` IS NULL", RowSql(x => x.OptionalMood != Mood.Calm));
    }

    [Fact]
    public void Guids_booleans_and_unicode_strings_are_typed_literals()
    {
        var token = Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E");
        Assert.Equal("`token` < '0f8fad5b-d9cb-469f-a165-70867728950e'", RowSql(x => x.Token < token));
        Assert.Equal("`flag` = FALSE", RowSql(x => x.Flag == false));
        Assert.Equal("`text` = 'a😀''b'", RowSql(x => x.Text == "a😀'b"));
        var lone = "a\uD83D";
        Assert.Throws<NotSupportedException>(() => RowSql(x => x.Text == lone));
    }

    [Fact]
    public void What_has_no_exact_form_fails_at_translation_naming_the_sub_expression()
    {
        var bytes = new byte[] { 1 };
        Assert.Contains("x.Payload", Assert.Throws<NotSupportedException>(() => RowSql(x => x.Payload == bytes)).Message);
        Assert.Contains("CompareOrdinal", Assert.Throws<NotSupportedException>(() => RowSql(x => string.CompareOrdinal(x.Text, "b") > 0)).Message);
        Assert.Contains("x.Mood", Assert.Throws<NotSupportedException>(() => RowSql(x => x.Mood < x.OptionalMood)).Message);
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
