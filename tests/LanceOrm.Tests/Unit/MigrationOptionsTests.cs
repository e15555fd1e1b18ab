namespace LanceOrm.Tests.Unit;

/// <summary>Migration opt-ins are checked as they are given: a column name, a default, a rename that changes something.</summary>
public sealed class MigrationOptionsTests
{
    [Fact]
    public void Opt_ins_need_a_column_name()
    {
        var options = new LanceMigrationOptions();

        Assert.Throws<ArgumentException>(() => options.AllowDrop(" "));
        Assert.Throws<ArgumentException>(() => options.AllowTypeChange(""));
        Assert.Throws<ArgumentException>(() => options.AddWithDefault(null!, "1"));
        Assert.Throws<ArgumentException>(() => options.Rename("a", " "));
    }

    [Fact]
    public void A_default_needs_an_expression()
    {
        var error = Assert.Throws<ArgumentException>(() => new LanceMigrationOptions().AddWithDefault("copies", "  "));

        Assert.Contains("'copies'", error.Message);
    }

    [Fact]
    public void A_rename_must_change_the_name_and_no_two_columns_get_the_same_one()
    {
        var options = new LanceMigrationOptions().Rename("shelf", "location");

        Assert.Throws<ArgumentException>(() => options.Rename("year", "year"));
        Assert.Throws<ArgumentException>(() => options.Rename("room", "location"));
        Assert.Same(options, options.Rename("shelf", "location")); // the same rename again is no conflict
    }

    [Fact]
    public void The_page_size_must_be_positive()
    {
        var options = new LanceMigrationOptions { PageSize = 50 };

        Assert.Throws<ArgumentOutOfRangeException>(() => options.PageSize = 0);
        Assert.Equal(50, options.PageSize);
    }
}
