namespace LanceOrm.Generators.Tests.Infrastructure;

/// <summary>Representative entities used by the snapshot, compliance and caching tests.</summary>
internal static class TestSources
{
    public const string Article = """
        using LanceOrm;

        namespace Blog;

        [LanceTable("articles")]
        public partial class Article
        {
            [Key] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [Embed("minilm")] public string Body { get; set; } = "";
            public int Year { get; set; }
        }
        """;

    public const string EveryType = """
        using System;
        using System.Collections.Generic;
        using LanceOrm;

        namespace Catalog;

        public enum Status { Draft, Published, Archived }

        [LanceTable("every_type")]
        public partial class EveryType
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
            public int? OptionalInt32 { get; set; }
            public float Single { get; set; }
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
            public Status Status { get; set; }
            public Status? OptionalStatus { get; set; }
            public List<string> Tags { get; set; } = [];
            public string[] Labels { get; set; } = [];
            public IReadOnlyList<string>? Aliases { get; set; }
            [Vector(3)] public float[]? Embedding { get; set; }
            [Vector(2)] public ReadOnlyMemory<float> Point { get; set; }
            [Ignore] public string Scratch { get; set; } = "";
            public string Computed => Text + "!";
        }
        """;

    public const string Document = """
        using System;
        using LanceOrm;

        [assembly: EmbeddingFunction("openai-small", 1536)]

        namespace Library;

        [LanceTable("documents")]
        public partial record Document
        {
            [Key, Column("doc_id")] public required long Id { get; init; }
            [Embed("minilm"), FullTextIndex] public string Title { get; init; } = "";
            [Embed("openai-small", VectorColumn = "summary_embedding")] public string? Summary { get; init; }
            [Vector(384), Column("title_vector")] public float[]? TitleVector { get; init; }
            [Column("_distance")] public float? Distance { get; init; }
            [Column("_rowid")] public ulong RowId { get; set; }
        }
        """;

    /// <summary>Every image property shape (bytes, memory, optional memory, file), a user image function and a text embedding beside them.</summary>
    public const string Photo = """
        using System;
        using System.IO;
        using LanceOrm;
        using LanceOrm.Embeddings;

        [assembly: EmbeddingFunction("clip-mini", 64, Modality = EmbeddingModality.Image)]

        namespace Gallery;

        [LanceTable("photos")]
        public partial class Photo
        {
            [Key] public string Id { get; set; } = "";
            [Embed("minilm")] public string Caption { get; set; } = "";
            [Embed("resnet18")] public byte[] Image { get; set; } = [];
            [Embed("resnet18")] public ReadOnlyMemory<byte> Thumbnail { get; set; }
            [Embed("clip-mini")] public ReadOnlyMemory<byte>? Scan { get; set; }
            [Embed("resnet18", VectorColumn = "original_vector")] public FileInfo? Original { get; set; }
            [Vector(512), Column("original_vector")] public float[]? OriginalVector { get; set; }
            public ReadOnlyMemory<byte> Raw { get; set; }
            public FileInfo Source { get; set; } = new("unknown.jpg");
        }
        """;
}
