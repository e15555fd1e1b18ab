using LanceOrm;

namespace LanceOrm.Generators.Tests.RoundTrip;

// These entities are compiled by the real generator (analyzer reference in the csproj), under this project's
// nullable + warnings-as-errors settings: the test project building at all proves the generated code is warning-free.

public enum Mood
{
    Calm,
    Happy,
    Grumpy,
}

[LanceTable("every_type")]
public partial class EveryTypeRow
{
    [Key] public Guid Id { get; set; }
    public string Text { get; set; } = "";
    public string? OptionalText { get; set; }
    public bool Flag { get; set; }
    public bool? OptionalFlag { get; set; }
    public sbyte Int8 { get; set; }
    public short Int16 { get; set; }
    public int Int32 { get; set; }
    public long Int64 { get; set; }
    public byte UInt8 { get; set; }
    public ushort UInt16 { get; set; }
    public uint UInt32 { get; set; }
    public ulong UInt64 { get; set; }
    public sbyte? OptionalInt8 { get; set; }
    public short? OptionalInt16 { get; set; }
    public int? OptionalInt32 { get; set; }
    public long? OptionalInt64 { get; set; }
    public byte? OptionalUInt8 { get; set; }
    public ushort? OptionalUInt16 { get; set; }
    public uint? OptionalUInt32 { get; set; }
    public ulong? OptionalUInt64 { get; set; }
    public float Single { get; set; }
    public float? OptionalSingle { get; set; }
    public double Double { get; set; }
    public double? OptionalDouble { get; set; }
    public decimal Price { get; set; }
    public decimal? OptionalPrice { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateOnly Day { get; set; }
    public DateOnly? OptionalDay { get; set; }
    public Guid? OptionalGuid { get; set; }
    public byte[] Payload { get; set; } = [];
    public byte[]? OptionalPayload { get; set; }
    public Mood Mood { get; set; }
    public Mood? OptionalMood { get; set; }
    public List<string> Tags { get; set; } = [];
    public string[] Labels { get; set; } = [];
    public IReadOnlyList<string> Aliases { get; set; } = [];
    public List<string>? OptionalTags { get; set; }
    public List<string?> SparseTags { get; set; } = [];
    public IEnumerable<string> Sequence { get; set; } = [];
    public IList<string> MutableList { get; set; } = [];
    public ICollection<string> Collection { get; set; } = [];
    public IReadOnlyCollection<string> ReadOnlyCollection { get; set; } = [];
    [Vector(3)] public float[]? Embedding { get; set; }
    [Vector(2)] public ReadOnlyMemory<float> Point { get; set; }
    [Vector(2)] public ReadOnlyMemory<float>? OptionalPoint { get; set; }
}

[LanceTable("articles")]
public partial class Article
{
    [Key] public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    [Embed("minilm")] public string Body { get; set; } = "";
    public int Year { get; set; }
}

[LanceTable("passages")]
public partial class Passage
{
    [Key] public string Id { get; set; } = "";
    [Embed("arctic-xs")] public string Text { get; set; } = "";
}

[LanceTable("notes")]
public partial record Note
{
    [Key, Column("note_id")] public required long Id { get; init; }
    [Embed("minilm"), FullTextIndex] public string Title { get; init; } = "";
    [Embed("minilm")] public string? Summary { get; init; }
    [Vector(384), Column("title_vector")] public float[]? TitleVector { get; init; }
    [Column("_distance")] public float? Distance { get; init; }
    [Column("_score")] public double Score { get; set; }
    [Column("_rowid")] public ulong RowId { get; set; }
}

[LanceTable("photos")]
public partial class Photo
{
    [Key] public string Id { get; set; } = "";
    [Embed("minilm")] public string Caption { get; set; } = "";
    [Embed("resnet18")] public byte[]? Picture { get; set; }
    [Embed("resnet18")] public ReadOnlyMemory<byte> Thumbnail { get; set; }
    [Embed("resnet18")] public ReadOnlyMemory<byte>? Scan { get; set; }
    [Embed("resnet18"), Column("original_path")] public FileInfo? Original { get; set; }
    [Vector(512), Column("picture_vector")] public float[]? PictureVector { get; set; }
    public FileInfo Source { get; set; } = new("unknown.jpg");
    public ReadOnlyMemory<byte> Raw { get; set; }
}
