using LanceOrm;

namespace ImageSearch;

/// <summary>
/// One product of the bundled catalogue. <c>[Embed("resnet18")]</c> makes LanceOrm compute the <c>vector</c> column
/// from <see cref="Photo"/> (the encoded JPEG or PNG bytes) locally with ResNet-18 (512 dimensions) before the row is
/// uploaded; the photo itself is stored too. The source generator writes the Arrow schema, the mapper and
/// <c>ProductRepository</c> (<c>db.Products()</c>).
/// </summary>
[LanceTable("products")]
public partial class Product
{
    [Key] public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Family { get; set; } = "";

    [Embed("resnet18")] public byte[] Photo { get; set; } = [];
}
