using System.Linq.Expressions;
using LanceOrm.Querying;

namespace LanceOrm.Tests.Unit;

[LanceTable("scans")]
public partial class Scan
{
    [Key] public string Id { get; set; } = "";
    [Embed("resnet18")] public ReadOnlyMemory<byte>? Image { get; set; }
    public ReadOnlyMemory<byte> Thumbnail { get; set; }
    [Embed("resnet18", VectorColumn = "file_vector")] public FileInfo? File { get; set; }
}

/// <summary>Filters on image columns: null tests translate, anything else is a clear error, never a wrong answer.</summary>
public sealed class ImageColumnFilterTests
{
    private static readonly FilterTranslator<Scan> Translator = new(Scan.LanceMap);

    private static string Sql(Expression<Func<Scan, bool>> predicate) => Translator.Translate(predicate);

    [Fact]
    public void Null_tests_on_image_bytes_and_file_columns_become_IS_NULL()
    {
        Assert.Equal("`image` IS NULL", Sql(x => x.Image == null));
        Assert.Equal("`file` IS NOT NULL", Sql(x => x.File != null));
    }

    [Fact]
    public void Comparing_a_file_column_with_a_file_is_refused_rather_than_compared_as_text()
    {
        var file = new FileInfo("a.jpg");

        var error = Assert.Throws<NotSupportedException>(() => Sql(x => x.File == file));
        Assert.Contains("FileInfo", error.Message);
    }

    [Fact]
    public void Members_of_image_and_file_columns_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => Sql(x => x.File!.Name == "a.jpg"));
        Assert.Throws<NotSupportedException>(() => Sql(x => x.Thumbnail.IsEmpty));
        Assert.Throws<NotSupportedException>(() => Sql(x => x.Image!.Value.Length > 3));
    }
}
