[assembly: LanceOrm.EmbeddingFunction("hash16", 16)]

namespace LanceOrm.Tests.Support;

// Versions of one entity mapped to the same table "books", as an application's entity evolves between releases.

/// <summary>Version 1: one embedded property (<c>blurb</c> → <c>vector</c>).</summary>
[LanceTable("books")]
public sealed partial class BookV1
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Blurb { get; set; } = "";
    public int Year { get; set; }
    public string Shelf { get; set; } = "";

    public static readonly string[] Words =
        ["amber", "basalt", "cedar", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kestrel", "lagoon", "meadow", "nimbus", "onyx", "prairie"];

    public static BookV1 Make(int i) => new()
    {
        Id = $"b{i:D3}",
        Title = $"{Words[i % Words.Length]} {Words[(i / Words.Length + 5) % Words.Length]} {i}",
        Blurb = $"a story about {Words[(i * 7) % Words.Length]}",
        Year = 1990 + i,
        Shelf = $"S{i % 4}",
    };
}

/// <summary>Version 2: a new nullable column (<c>pages</c>) and a second embedded property on the existing <c>title</c> (→ <c>title_vector</c>).</summary>
[LanceTable("books")]
public sealed partial class BookV2
{
    [Key] public string Id { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name, VectorColumn = "vector")] public string Blurb { get; set; } = "";
    public int Year { get; set; }
    public string Shelf { get; set; } = "";
    public int? Pages { get; set; }
}

/// <summary>A version whose new embedded property is new text too (<c>summary</c>, null in existing rows).</summary>
[LanceTable("books")]
public sealed partial class BookWithSummary
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name, VectorColumn = "vector")] public string Blurb { get; set; } = "";
    public int Year { get; set; }
    public string Shelf { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string? Summary { get; set; }
}

/// <summary>A version that lets <c>year</c> be unknown (nullable) and widens nothing else.</summary>
[LanceTable("books")]
public sealed partial class BookOptionalYear
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Blurb { get; set; } = "";
    public int? Year { get; set; }
    public string Shelf { get; set; } = "";
}

/// <summary>A version with unsafe changes: <c>year</c> narrowed to int16, <c>shelf</c> gone, a new non-nullable <c>copies</c>.</summary>
[LanceTable("books")]
public sealed partial class BookV3
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Blurb { get; set; } = "";
    public short Year { get; set; }
    public int Copies { get; set; }
}

/// <summary>A version that widens <c>year</c> to int64 and calls <c>shelf</c> <c>location</c>.</summary>
[LanceTable("books")]
public sealed partial class BookRenamedShelf
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Blurb { get; set; } = "";
    public long Year { get; set; }
    public string Location { get; set; } = "";
}

/// <summary>A version whose blurb is embedded by another function, of dimension 16 (<c>hash16</c>) instead of 32.</summary>
[LanceTable("books")]
public sealed partial class BookWithHash16
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed("hash16")] public string Blurb { get; set; } = "";
    public int Year { get; set; }
    public string Shelf { get; set; } = "";
}

/// <summary>Version 1 plus a new nullable property of every mapped kind.</summary>
[LanceTable("books")]
public sealed partial class BookWithEveryKind
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed(HashingEmbeddingGenerator.Name)] public string Blurb { get; set; } = "";
    public int Year { get; set; }
    public string Shelf { get; set; } = "";
    public bool? Signed { get; set; }
    public sbyte? Tiny { get; set; }
    public short? Small { get; set; }
    public long? Big { get; set; }
    public byte? UTiny { get; set; }
    public ushort? USmall { get; set; }
    public uint? UMedium { get; set; }
    public ulong? UBig { get; set; }
    public float? Weight { get; set; }
    public double? Price { get; set; }
    public decimal? Cost { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateOnly? Published { get; set; }
    public Guid? Isbn { get; set; }
    public byte[]? Cover { get; set; }
    public Category? Genre { get; set; }
    public List<string>? Keywords { get; set; }
    public string? Note { get; set; }
}
