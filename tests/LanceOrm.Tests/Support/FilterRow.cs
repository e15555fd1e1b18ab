namespace LanceOrm.Tests.Support;

public enum Mood : short
{
    Grumpy = -1,
    Calm = 0,
    Happy = 3,
    Ecstatic = 7,
}

/// <summary>The entity of the differential filter test: every mapped scalar type, plain and nullable.</summary>
[LanceTable("filter_rows")]
public sealed partial class FilterRow
{
    [Key] public int Id { get; set; }
    public string Text { get; set; } = "";
    public string? Note { get; set; }
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
    public short? OptionalInt16 { get; set; }
    public int? Rank { get; set; }
    public long? OptionalInt64 { get; set; }
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
    public Guid Token { get; set; }
    public Guid? OptionalToken { get; set; }
    public Mood Mood { get; set; }
    public Mood? OptionalMood { get; set; }
    public byte[]? Payload { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<string>? OptionalTags { get; set; }
}
