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
        Assert.Equal("12.000000001", SqlLiteral.Format(12.000000001m));
        Assert.Equal("'0f8fad5b-d9cb-469f-a165-70867728950e'", SqlLiteral.Format(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
        Assert.Equal("X'00FF'", SqlLiteral.Format(new byte[] { 0, 255 }));
        Assert.Equal("TRUE", SqlLiteral.Format(true));
    }

    [Fact]
    public void Floating_values_without_a_literal_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => SqlLiteral.Format(double.NaN));
        Assert.Throws<NotSupportedException>(() => SqlLiteral.Format(float.PositiveInfinity));
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
