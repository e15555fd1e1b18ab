namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>One pair of tests per entity rule: the rule fires on bad code, and is silent on the corrected code.</summary>
public sealed class EntityDiagnosticsTests
{
    private static string Entity(string members, string header = "[LanceTable(\"items\")]", string declaration = "public partial class Item", string prelude = "") => $$"""
        using System;
        using System.Collections.Generic;
        using LanceOrm;
        {{prelude}}
        namespace Shop;

        public enum Color { Red, Green }

        {{header}}
        {{declaration}}
        {
            {{members}}
        }
        """;

    private const string Key = "[Key] public string Id { get; set; } = \"\";";

    [Fact]
    public Task LANCE001_fires_when_the_entity_is_not_partial() =>
        DiagnosticAssert.FiresAsync("LANCE001", Entity(Key, declaration: "public class Item"), "Item", "'Item'", "partial");

    [Fact]
    public Task LANCE001_is_silent_when_the_entity_is_partial() => DiagnosticAssert.SilentAsync(Entity(Key));

    [Fact]
    public Task LANCE002_fires_when_no_property_is_the_key() =>
        DiagnosticAssert.FiresAsync("LANCE002", Entity("public string Id { get; set; } = \"\";"), "Item", "'Item' has no [Key]");

    [Fact]
    public Task LANCE002_is_silent_with_a_key() => DiagnosticAssert.SilentAsync(Entity(Key));

    [Fact]
    public Task LANCE003_fires_when_embed_is_on_a_non_string() =>
        DiagnosticAssert.FiresAsync("LANCE003", Entity(Key + " [Embed(\"minilm\")] public int Year { get; set; }"), "Embed(\"minilm\")", "'Year'", "'int'");

    [Fact]
    public Task LANCE003_is_silent_when_embed_is_on_a_string() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Embed(\"minilm\")] public string Body { get; set; } = \"\";"));

    [Fact]
    public Task LANCE004_fires_for_an_embedding_function_unknown_at_compile_time() =>
        DiagnosticAssert.FiresAsync("LANCE004", Entity(Key + " [Embed(\"mystery\")] public string Body { get; set; } = \"\";"), "\"mystery\"", "'Body'", "'mystery'", "known: minilm", "[assembly: EmbeddingFunction(\"mystery\", dimensions)]");

    [Fact]
    public Task LANCE004_is_silent_for_a_function_declared_on_the_assembly() =>
        DiagnosticAssert.SilentAsync(Entity(
            Key + " [Embed(\"mystery\")] public string Body { get; set; } = \"\";",
            prelude: "[assembly: EmbeddingFunction(\"mystery\", 8)]"));

    [Fact]
    public Task LANCE005_fires_for_an_unsupported_property_type() =>
        DiagnosticAssert.FiresAsync("LANCE005", Entity(Key + " public Dictionary<string, int> Counts { get; set; } = new();"), "Counts", "'Counts'", "Dictionary<string, int>");

    [Fact]
    public Task LANCE005_fires_for_a_float_array_without_a_vector_dimension() =>
        DiagnosticAssert.FiresAsync("LANCE005", Entity(Key + " public float[] Values { get; set; } = [];"), "Values", "'Values'", "[Vector(dimensions)]");

    [Fact]
    public Task LANCE005_fires_for_a_search_column_of_the_wrong_type() =>
        DiagnosticAssert.FiresAsync("LANCE005", Entity(Key + " [Column(\"_distance\")] public string Distance { get; set; } = \"\";"), "Distance", "'Distance'", "'_distance'", "float or double");

    [Fact]
    public Task LANCE005_is_silent_when_the_unsupported_property_is_ignored() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Ignore] public Dictionary<string, int> Counts { get; set; } = new(); [Vector(4)] public float[]? Values { get; set; } public Color Color { get; set; }"));

    [Fact]
    public Task LANCE006_fires_when_two_properties_map_to_the_same_column() =>
        DiagnosticAssert.FiresAsync("LANCE006", Entity(Key + " public string Name { get; set; } = \"\"; [Column(\"name\")] public string Label { get; set; } = \"\";"), "Label", "'Name'", "'Label'", "'name'");

    [Fact]
    public Task LANCE006_is_silent_when_the_columns_differ() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " public string Name { get; set; } = \"\"; [Column(\"label\")] public string Label { get; set; } = \"\";"));

    [Fact]
    public Task LANCE007_fires_when_an_embedding_vector_column_collides_with_a_property_column() =>
        DiagnosticAssert.FiresAsync("LANCE007", Entity(Key + " [Embed(\"minilm\")] public string Body { get; set; } = \"\"; public string Vector { get; set; } = \"\";"), "Embed(\"minilm\")", "'vector'", "'Body'", "'Vector'");

    [Fact]
    public Task LANCE007_fires_when_two_embeddings_write_the_same_vector_column() =>
        DiagnosticAssert.FiresAsync("LANCE007", Entity(Key + " [Embed(\"minilm\", VectorColumn = \"v\")] public string A { get; set; } = \"\"; [Embed(\"minilm\", VectorColumn = \"v\")] public string B { get; set; } = \"\";"), "\"v\"", "'v'", "'B'", "'A'", "VectorColumn");

    [Fact]
    public Task LANCE007_is_silent_when_the_vector_column_is_renamed() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Embed(\"minilm\", VectorColumn = \"body_embedding\")] public string Body { get; set; } = \"\"; public string Vector { get; set; } = \"\";"));

    [Fact]
    public Task LANCE008_fires_for_a_vector_dimension_of_zero() =>
        DiagnosticAssert.FiresAsync("LANCE008", Entity(Key + " [Vector(0)] public float[]? Values { get; set; }"), "0", "'Values'", "dimension 0", "greater than zero");

    [Fact]
    public Task LANCE008_is_silent_for_a_positive_dimension() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Vector(16)] public float[]? Values { get; set; }"));

    [Fact]
    public Task LANCE009_fires_when_a_vector_property_disagrees_with_the_function_writing_its_column() =>
        DiagnosticAssert.FiresAsync("LANCE009", Entity(Key + " [Embed(\"minilm\")] public string Body { get; set; } = \"\"; [Vector(768), Column(\"vector\")] public float[]? BodyVector { get; set; }"), "BodyVector", "'BodyVector'", "[Vector(768)]", "'minilm' writes 384");

    [Fact]
    public Task LANCE009_is_silent_when_the_dimensions_agree() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Embed(\"minilm\")] public string Body { get; set; } = \"\"; [Vector(384), Column(\"vector\")] public float[]? BodyVector { get; set; }"));

    [Fact]
    public Task LANCE010_fires_for_an_invalid_table_name() =>
        DiagnosticAssert.FiresAsync("LANCE010", Entity(Key, header: "[LanceTable(\"my items!\")]"), "\"my items!\"", "'my items!'", "'Item'");

    [Fact]
    public Task LANCE010_fires_for_an_empty_table_name() =>
        DiagnosticAssert.FiresAsync("LANCE010", Entity(Key, header: "[LanceTable(\"\")]"), "\"\"", "Table name ''");

    [Fact]
    public Task LANCE010_is_silent_for_letters_digits_underscore_dash_and_dot() =>
        DiagnosticAssert.SilentAsync(Entity(Key, header: "[LanceTable(\"shop.items-v2_eu\")]"));

    [Fact]
    public Task LANCE011_fires_for_an_invalid_column_name() =>
        DiagnosticAssert.FiresAsync("LANCE011", Entity(Key + " [Column(\"first name\")] public string FirstName { get; set; } = \"\";"), "\"first name\"", "'first name'", "'FirstName'", "whitespace");

    [Fact]
    public Task LANCE011_fires_for_a_reserved_underscore_column_name() =>
        DiagnosticAssert.FiresAsync("LANCE011", Entity(Key + " [Column(\"_secret\")] public string Secret { get; set; } = \"\";"), "\"_secret\"", "'_secret'", "reserved");

    [Fact]
    public Task LANCE011_fires_for_an_invalid_embedding_vector_column() =>
        DiagnosticAssert.FiresAsync("LANCE011", Entity(Key + " [Embed(\"minilm\", VectorColumn = \"body.vector\")] public string Body { get; set; } = \"\";"), "\"body.vector\"", "'body.vector'", "'Body'", "nested fields");

    [Fact]
    public Task LANCE011_is_silent_for_snake_case_names_and_search_extras() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Column(\"first_name\")] public string FirstName { get; set; } = \"\"; [Column(\"_distance\")] public float? Distance { get; set; }"));

    [Fact]
    public Task LANCE013_fires_when_more_than_one_property_is_a_key() =>
        DiagnosticAssert.FiresAsync("LANCE013", Entity(Key + " [Key] public int Number { get; set; }"), "Number", "'Item'", "Id, Number");

    [Fact]
    public Task LANCE013_is_silent_with_exactly_one_key() => DiagnosticAssert.SilentAsync(Entity(Key + " public int Number { get; set; }"));

    [Fact]
    public Task LANCE014_fires_for_an_entity_without_a_parameterless_constructor() =>
        DiagnosticAssert.FiresAsync("LANCE014", Entity(Key + " public Item(string id) { Id = id; }"), "Item", "'Item'", "parameterless constructor");

    [Fact]
    public Task LANCE014_is_silent_for_an_entity_with_a_parameterless_constructor() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " public Item() { }"));
}
