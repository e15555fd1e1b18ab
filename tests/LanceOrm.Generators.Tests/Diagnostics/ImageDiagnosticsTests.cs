namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>
/// The image rules: the entity analyzer accepts image functions on image properties (LANCE023 elsewhere, LANCE003 for a
/// text function on an image), and the call-site analyzer checks that a search by example names an image-embedded
/// property (LANCE024, LANCE012).
/// </summary>
public sealed class ImageDiagnosticsTests
{
    private static string Entity(string members, string prelude = "") => $$"""
        using System;
        using System.IO;
        using LanceOrm;
        using LanceOrm.Embeddings;
        {{prelude}}
        namespace Gallery;

        [LanceTable("photos")]
        public partial class Photo
        {
            [Key] public string Id { get; set; } = "";
            {{members}}
        }
        """;

    private static string WithCall(string call, string prelude = "", string bodyFunction = "minilm") => $$"""
        using System;
        using System.IO;
        using LanceOrm;
        using LanceOrm.Embeddings;
        {{prelude}}
        namespace Gallery;

        [LanceTable("photos")]
        public partial class Photo
        {
            [Key] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [Embed("{{bodyFunction}}")] public string Body { get; set; } = "";
            [Embed("resnet18")] public byte[] Picture { get; set; } = [];
            [Embed("resnet18")] public FileInfo? File { get; set; }
            public byte[]? Raw { get; set; }
        }

        public static class Queries
        {
            public static object Run(LanceDbConnection db, LanceRepository<Photo, string> repository, LanceSnapshot<Photo, string> snapshot, byte[] bytes)
            {
                return {{call}};
            }
        }
        """;

    [Fact]
    public Task LANCE023_fires_when_an_image_function_is_on_a_string_and_says_to_make_a_path_a_FileInfo() =>
        DiagnosticAssert.FiresAsync("LANCE023", Entity("[Embed(\"resnet18\")] public string Path { get; set; } = \"\";"), "Embed(\"resnet18\")",
            "'Path' of type 'string'", "'resnet18' embeds images", "byte[], ReadOnlyMemory<byte> or FileInfo property", "a string holding a path: make it FileInfo");

    [Fact]
    public Task LANCE023_fires_when_an_image_function_is_on_a_type_that_holds_no_image() =>
        DiagnosticAssert.FiresAsync("LANCE023", Entity("[Embed(\"resnet18\")] public int Size { get; set; }"), "Embed(\"resnet18\")", "'Size' of type 'int'", "'resnet18' embeds images");

    [Fact]
    public Task LANCE023_fires_for_a_user_declared_image_function_on_a_string() =>
        DiagnosticAssert.FiresAsync("LANCE023", Entity("[Embed(\"clip-mini\")] public string Caption { get; set; } = \"\";",
                "[assembly: EmbeddingFunction(\"clip-mini\", 64, Modality = EmbeddingModality.Image)]"),
            "Embed(\"clip-mini\")", "'clip-mini' embeds images");

    [Fact]
    public Task LANCE023_is_silent_for_image_functions_on_every_image_property_shape() =>
        DiagnosticAssert.SilentAsync(Entity("""
            [Embed("resnet18"), VectorIndex] public byte[] A { get; set; } = [];
            [Embed("resnet18")] public byte[]? B { get; set; }
            [Embed("resnet18")] public ReadOnlyMemory<byte> C { get; set; }
            [Embed("resnet18")] public ReadOnlyMemory<byte>? D { get; set; }
            [Embed("resnet18")] public FileInfo E { get; set; } = new("e.jpg");
            [Embed("clip-mini")] public FileInfo? F { get; set; }
            [Vector(512), Column("a_vector")] public ReadOnlyMemory<float>? AVector { get; set; }
            public ReadOnlyMemory<byte> Plain { get; set; }
            public FileInfo? PlainFile { get; set; }
            public required ReadOnlyMemory<byte> RequiredBytes { get; init; }
            public required FileInfo RequiredFile { get; init; }
            [Embed("resnet18")] public required ReadOnlyMemory<byte>? RequiredImage { get; init; }
            """, "[assembly: EmbeddingFunction(\"clip-mini\", 64, Modality = EmbeddingModality.Image)]"));

    [Fact]
    public Task LANCE003_names_the_text_function_and_points_an_image_property_to_an_image_function() =>
        DiagnosticAssert.FiresAsync("LANCE003", Entity("[Embed(\"minilm\")] public byte[] Picture { get; set; } = [];"), "Embed(\"minilm\")",
            "[Embed(\"minilm\")] is on property 'Picture' of type 'byte[]'", "'minilm' embeds text, so put it on a string property", "image function such as [Embed(\"resnet18\")]");

    [Fact]
    public Task LANCE003_fires_for_a_text_function_on_a_FileInfo() =>
        DiagnosticAssert.FiresAsync("LANCE003", Entity("[Embed(\"arctic-xs\")] public FileInfo? Scan { get; set; }"), "Embed(\"arctic-xs\")", "System.IO.FileInfo?'", "'arctic-xs' embeds text");

    [Fact]
    public Task LANCE003_fires_for_a_user_function_declared_without_a_modality_on_bytes() =>
        DiagnosticAssert.FiresAsync("LANCE003", Entity("[Embed(\"mine\")] public ReadOnlyMemory<byte> Scan { get; set; }", "[assembly: EmbeddingFunction(\"mine\", 8)]"),
            "Embed(\"mine\")", "'mine' embeds text");

    [Fact]
    public Task LANCE003_lists_the_text_and_image_types_for_an_unknown_function_on_a_type_that_fits_neither() =>
        DiagnosticAssert.FiresAsync("LANCE003", Entity("[Embed(\"mystery\")] public int Size { get; set; }"), "Embed(\"mystery\")",
            "'Size' of type 'int'", "only string properties (text functions) and byte[], ReadOnlyMemory<byte> or FileInfo properties (image functions) can be embedded");

    [Fact]
    public Task LANCE004_alone_fires_for_an_unknown_function_on_an_image_property() =>
        DiagnosticAssert.FiresAsync("LANCE004", Entity("[Embed(\"mystery\")] public byte[] Picture { get; set; } = [];"), "\"mystery\"", "'mystery'", "resnet18");

    [Fact]
    public Task LANCE009_fires_when_a_vector_property_disagrees_with_the_image_function_writing_its_column() =>
        DiagnosticAssert.FiresAsync("LANCE009", Entity("[Embed(\"resnet18\")] public byte[] Picture { get; set; } = []; [Vector(384), Column(\"vector\")] public float[]? PictureVector { get; set; }"),
            "PictureVector", "[Vector(384)]", "'resnet18' writes 512");

    [Fact]
    public Task LANCE019_fires_for_a_FileInfo_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("").Replace("[Key] public string Id { get; set; } = \"\";", "[Key] public FileInfo Id { get; set; } = new(\"a\");"), "Id", "System.IO.FileInfo'", "a FileInfo is a file");

    [Fact]
    public Task LANCE024_fires_when_an_image_is_searched_on_a_property_embedded_with_a_text_function() =>
        DiagnosticAssert.FiresAsync("LANCE024", WithCall("repository.Search(x => x.Body, bytes)"), "x => x.Body",
            "Search(x => x.Body, image)", "'Body' is embedded with the text function 'minilm'", "Search(x => x.Body, \"query\")", "such as x => x.Picture");

    [Fact]
    public Task LANCE024_fires_for_a_user_declared_text_function_and_an_image_given_as_a_file() =>
        DiagnosticAssert.FiresAsync("LANCE024", WithCall("repository.Search(p => p.Body, ImageInput.FromFile(\"q.jpg\"))", "[assembly: EmbeddingFunction(\"mine\", 8)]", "mine"), "p => p.Body",
            "'mine'", "such as p => p.Picture");

    [Fact]
    public Task LANCE024_fires_for_an_image_search_on_a_pinned_version() =>
        DiagnosticAssert.FiresAsync("LANCE024", WithCall("snapshot.Search(x => x.Body, bytes)"), "x => x.Body", "'Body' is embedded with the text function 'minilm'");

    [Fact]
    public Task LANCE012_fires_for_a_text_search_on_a_pinned_version_that_names_a_property_that_is_not_embedded() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("snapshot.Search(x => x.Title, \"text\")"), "x => x.Title", "Search(x => x.Title, text)", "such as x => x.Body");

    [Fact]
    public Task LANCE012_fires_when_an_image_search_names_a_property_that_is_not_embedded() =>
        DiagnosticAssert.FiresAsync("LANCE012", WithCall("repository.Search(x => x.Raw, bytes)"), "x => x.Raw",
            "Search(x => x.Raw, image)", "'Raw' is not an [Embed] property of 'Photo'", "such as x => x.Picture");

    [Fact]
    public Task LANCE015_fires_when_an_image_search_selector_is_not_a_plain_property_access() =>
        DiagnosticAssert.FiresAsync("LANCE015", WithCall("repository.Search(x => x.Picture.Length, bytes)"), "x => x.Picture.Length", "such as x => x.Picture");

    [Fact]
    public Task Image_search_rules_are_silent_for_image_searches_text_searches_and_updates_of_image_properties() =>
        DiagnosticAssert.SilentAsync(WithCall(
            "new object[] { repository.Search(x => x.Picture, bytes), repository.Search(x => x.File, ImageInput.FromFile(\"q.jpg\")), " +
            "repository.Search(x => x.Picture, new ReadOnlyMemory<byte>(bytes)), db.Photos().SearchPicture(bytes), repository.Search(x => x.Body, \"text\"), " +
            "snapshot.Search(x => x.File, bytes), snapshot.Search(x => x.Body, \"text\"), " +
            "repository.UpdateAsync(x => x.Id == \"1\", set => set.Set(x => x.Picture, bytes)), repository.UpdateAsync(x => x.Id == \"1\", set => set.Set(x => x.File, new FileInfo(\"b.jpg\"))) }"));
}
