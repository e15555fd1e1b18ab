using LanceOrm.Querying;

namespace LanceOrm.Tests.Unit;

public sealed class SqlLiteralTests
{
    [Fact]
    public void Values_format_as_invariant_SQL_literals()
    {
        Assert.Equal("NULL", SqlLiteral.Format(null));
        Assert.Equal("'a''b'", SqlLiteral.Format("a'b"));
        Assert.Equal("1.5", SqlLiteral.Format(1.5));
        Assert.Equal("-3", SqlLiteral.Format(-3L));
        Assert.Equal("CAST('12.000000001' AS DECIMAL(38, 9))", SqlLiteral.Format(12.000000001m));
        Assert.Equal("CAST('18446744073709551615' AS BIGINT UNSIGNED)", SqlLiteral.Format(ulong.MaxValue));
        Assert.Equal("CAST('-9223372036854775808' AS BIGINT)", SqlLiteral.Format(long.MinValue));
        Assert.Equal("2.0", SqlLiteral.Format(2.0));
        Assert.Equal("0.10000000149011612", SqlLiteral.Format(0.1f));
        Assert.Equal("-0.0", SqlLiteral.Format(-0.0));
        Assert.Equal("'0f8fad5b-d9cb-469f-a165-70867728950e'", SqlLiteral.Format(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
        Assert.Equal("X'00FF'", SqlLiteral.Format(new byte[] { 0, 255 }));
        Assert.Equal("TRUE", SqlLiteral.Format(true));
    }

    [Fact]
    public void NaN_and_infinities_are_casts_of_their_names()
    {
        Assert.Equal("CAST('NaN' AS DOUBLE)", SqlLiteral.Format(double.NaN));
        Assert.Equal("CAST('Infinity' AS DOUBLE)", SqlLiteral.Format(float.PositiveInfinity));
        Assert.Equal("CAST('-Infinity' AS DOUBLE)", SqlLiteral.Format(double.NegativeInfinity));
    }

    [Fact]
    public void Local_times_are_converted_to_UTC_as_the_writer_stores_them()
    {
        var utc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Assert.Equal("TIMESTAMP '2024-01-02T03:04:05.000000Z'", SqlLiteral.Format(utc.ToLocalTime()));
        Assert.Equal("TIMESTAMP '2024-01-02T03:04:05.000000Z'", SqlLiteral.Format(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void A_decimal_the_column_would_round_has_no_literal()
    {
        Assert.Throws<NotSupportedException>(() => SqlLiteral.Format(1.0000000001m));
    }

    [Fact]
    public void A_lone_surrogate_has_no_literal()
    {
        Assert.Throws<NotSupportedException>(() => SqlLiteral.Quote("a\uD83D"));
    }

    [Fact]
    public void Backslashes_are_kept_as_data_in_string_literals()
    {
        Assert.Equal(@"'C:\path\'", SqlLiteral.Format(@"C:\path\"));
    }

    [Fact]
    public void Like_escaping_covers_both_wildcards_and_the_escape_character()
    {
        Assert.Equal(@"100\%\_\\", SqlLiteral.EscapeLike(@"100%_\"));
    }
}
