namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>LANCE030: index declarations the server would refuse, or that clash, are reported on the attribute.</summary>
public sealed class IndexDiagnosticsTests
{
    private static string Entity(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using LanceOrm;

        namespace Shop;

        [LanceTable("items")]
        public partial class Item
        {
            [Key] public string Id { get; set; } = "";
            {{members}}
        }
        """;

    [Fact]
    public Task Every_index_kind_on_a_column_it_fits_is_silent() =>
        DiagnosticAssert.SilentAsync(Entity("""
            [Embed("minilm"), VectorIndex(IndexType = VectorIndexType.IvfHnswSq, DistanceType = DistanceType.Cosine, NumPartitions = 4)]
            [FullTextIndex(WithPosition = true, Language = "French", Stem = false)]
            public string Body { get; set; } = "";
            [Vector(3), VectorIndex(Name = "raw_vec")] public float[]? Raw { get; set; }
            [ScalarIndex] public int Year { get; set; }
            [ScalarIndex(ScalarIndexType.Bitmap)] public string Color { get; set; } = "";
            [ScalarIndex(ScalarIndexType.LabelList), FullTextIndex(Name = "tags_fts")] public List<string> Tags { get; set; } = new();
            """));

    [Fact]
    public Task A_scalar_index_on_a_vector_names_VectorIndex() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[Vector(3), ScalarIndex] public float[]? Raw { get; set; }"), "ScalarIndex", "[ScalarIndex] on property 'Raw'", "vector column takes [VectorIndex]");

    [Fact]
    public Task A_vector_index_on_plain_text_names_Embed_and_FullTextIndex() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[VectorIndex] public string Body { get; set; } = \"\";"), "VectorIndex", "[VectorIndex] on property 'Body'", "[Embed(\"function\")]", "[FullTextIndex]");

    [Fact]
    public Task A_vector_index_on_a_number_names_where_it_belongs() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[VectorIndex] public int Year { get; set; }"), "VectorIndex", "neither [Embed] nor [Vector]");

    [Fact]
    public Task A_full_text_index_on_a_number_is_reported() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[FullTextIndex] public int Year { get; set; }"), "FullTextIndex", "[FullTextIndex] on property 'Year'", "not text");

    [Fact]
    public Task A_label_list_index_on_a_scalar_and_a_btree_on_a_list_are_reported() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[ScalarIndex(ScalarIndexType.LabelList)] public string Color { get; set; } = \"\";"), "ScalarIndex(ScalarIndexType.LabelList)", "not a string list", "BTree or Bitmap");

    [Fact]
    public Task A_btree_on_a_string_list_names_LabelList() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[ScalarIndex] public List<string> Tags { get; set; } = new();"), "ScalarIndex", "ScalarIndexType.LabelList");

    [Fact]
    public Task Two_indices_on_one_column_need_a_name_for_one_of_them() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[ScalarIndex, FullTextIndex] public string Color { get; set; } = \"\";"), "FullTextIndex", "'color_idx'", "'Color'", "another Name");

    [Fact]
    public Task A_negative_partition_count_is_reported() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[Embed(\"minilm\"), VectorIndex(NumPartitions = -1)] public string Body { get; set; } = \"\";"), "VectorIndex(NumPartitions = -1)", "negative NumPartitions");

    [Fact]
    public Task An_empty_index_name_is_reported() =>
        DiagnosticAssert.FiresAsync("LANCE030", Entity("[ScalarIndex(Name = \"\")] public int Year { get; set; }"), "ScalarIndex(Name = \"\")", "non-empty name", "'year_idx'");

    [Fact]
    public Task A_vector_index_on_an_embed_with_an_unknown_function_reports_only_the_function() =>
        DiagnosticAssert.FiresAsync("LANCE004", Entity("[Embed(\"mystery\"), VectorIndex] public string Body { get; set; } = \"\";"), "Embed(\"mystery\")", "'mystery'");
}
