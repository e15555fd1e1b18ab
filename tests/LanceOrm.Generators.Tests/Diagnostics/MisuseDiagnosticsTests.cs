namespace LanceOrm.Generators.Tests.Diagnostics;

/// <summary>
/// Misuse that used to be reported in the wrong place, with a misleading message, not at all, or as compile errors in
/// generated code: each gets exactly one LANCE diagnostic on the member, attribute or argument at fault, naming the fix,
/// and the generator emits nothing for the entity (asserted by <see cref="DiagnosticAssert"/>).
/// </summary>
public sealed class MisuseDiagnosticsTests
{
    private static string Entity(string members, string declaration = "public partial class Item", string prelude = "", string epilogue = "") => $$"""
        using System;
        using System.Collections.Generic;
        using LanceOrm;
        {{prelude}}
        namespace Shop
        {
            public enum Color { Red, Green }

            [LanceTable("items")]
            {{declaration}}
            {
                {{members}}
            }

            {{epilogue}}
        }
        """;

    private const string Key = "[Key] public string Id { get; set; } = \"\";";

    // LANCE014: shapes the generator cannot emit.

    [Fact]
    public Task LANCE014_fires_for_a_struct_instead_of_emitting_a_partial_class() =>
        DiagnosticAssert.FiresAsync("LANCE014", Entity("[Key] public string Id { get; set; }", declaration: "public partial struct Item"), "Item",
            "it is a struct", "entities must be classes or record classes", "'partial class Item' or 'partial record Item'");

    [Fact]
    public Task LANCE014_fires_for_a_record_struct() =>
        DiagnosticAssert.FiresAsync("LANCE014", Entity("[Key] public string Id { get; set; }", declaration: "public partial record struct Item"), "Item",
            "it is a record struct", "'partial record Item'");

    [Fact]
    public Task LANCE014_fires_for_a_file_local_entity() =>
        DiagnosticAssert.FiresAsync("LANCE014", Entity(Key, declaration: "file partial class Item"), "Item", "file-local", "remove the 'file' modifier");

    [Fact]
    public Task LANCE014_fires_for_an_entity_named_with_a_keyword() =>
        DiagnosticAssert.FiresAsync("LANCE014", Entity(Key, declaration: "public partial class @event"), "@event", "'event' is a C# keyword", "rename the type");

    [Fact]
    public Task LANCE014_is_silent_for_a_sealed_record_and_an_entity_deriving_from_another_entity() =>
        DiagnosticAssert.SilentAsync(Entity(Key, declaration: "public sealed partial record Item",
            epilogue: "[LanceTable(\"base_items\")] public partial class BaseItem { [Key] public string Id { get; set; } = \"\"; } [LanceTable(\"derived_items\")] public partial class DerivedItem : BaseItem { public int Count { get; set; } }"));

    // LANCE002 is not reported when the key is declared on an override, a 'new' property or the overridden base property.

    [Fact]
    public Task LANCE002_is_silent_for_a_key_on_an_override_of_an_abstract_base_property() =>
        DiagnosticAssert.SilentAsync(Entity("[Key] public override string Id { get; set; } = \"\";", declaration: "public partial class Item : BaseItem",
            epilogue: "public abstract class BaseItem { public abstract string Id { get; set; } }"));

    [Fact]
    public Task LANCE002_is_silent_for_a_key_on_the_overridden_base_property() =>
        DiagnosticAssert.SilentAsync(Entity("public override string Id { get; set; } = \"\";", declaration: "public partial class Item : BaseItem",
            epilogue: "public abstract class BaseItem { [Key] public abstract string Id { get; set; } }"));

    [Fact]
    public Task LANCE002_is_silent_for_a_key_on_a_property_hiding_a_base_property() =>
        DiagnosticAssert.SilentAsync(Entity("[Key] public new string Id { get; set; } = \"\";", declaration: "public partial class Item : BaseItem",
            epilogue: "public class BaseItem { public int Id { get; set; } }"));

    // LANCE016: a LanceOrm attribute on a property the mapper skips.

    [Fact]
    public Task LANCE016_fires_on_a_get_only_key_instead_of_reporting_a_missing_key() =>
        DiagnosticAssert.FiresAsync("LANCE016", Entity("[Key] public string Id { get; } = \"\";"), "Id",
            "Property 'Id' is marked [Key] but has no setter", "add a 'set;' or 'init;' accessor");

    [Fact]
    public Task LANCE016_fires_on_a_key_with_a_private_setter() =>
        DiagnosticAssert.FiresAsync("LANCE016", Entity("[Key] public string Id { get; private set; } = \"\";"), "Id",
            "'Id' is marked [Key] but its setter is private", "make the setter public or internal, or use 'init;'");

    [Fact]
    public Task LANCE016_fires_on_a_get_only_embedded_property_that_would_be_silently_skipped() =>
        DiagnosticAssert.FiresAsync("LANCE016", Entity(Key + " [Embed(\"minilm\")] public string Body => \"\";"), "Body", "'Body' is marked [Embed] but has no setter");

    [Fact]
    public Task LANCE016_fires_on_a_static_property() =>
        DiagnosticAssert.FiresAsync("LANCE016", Entity(Key + " [Column(\"body\")] public static string Body { get; set; } = \"\";"), "Body", "'Body' is marked [Column] but is static", "make it an instance property");

    [Fact]
    public Task LANCE016_is_silent_for_an_init_only_key_and_unannotated_computed_properties() =>
        DiagnosticAssert.SilentAsync(Entity("[Key] public string Id { get; init; } = \"\"; public int Length => Id.Length;"));

    // LANCE017: [Ignore] together with a mapping attribute.

    [Fact]
    public Task LANCE017_fires_on_an_ignored_key_instead_of_reporting_a_missing_key() =>
        DiagnosticAssert.FiresAsync("LANCE017", Entity("[Key, Ignore] public string Id { get; set; } = \"\";"), "Id",
            "'Id' is marked both [Ignore] and [Key]", "a key cannot be ignored", "remove [Ignore]");

    [Fact]
    public Task LANCE017_fires_on_an_ignored_embedded_property() =>
        DiagnosticAssert.FiresAsync("LANCE017", Entity(Key + " [Embed(\"minilm\"), Ignore] public string Body { get; set; } = \"\";"), "Body",
            "both [Ignore] and [Embed]", "would have no effect");

    // LANCE018: [Embed("")].

    [Fact]
    public Task LANCE018_fires_on_the_argument_of_an_empty_embedding_function_name() =>
        DiagnosticAssert.FiresAsync("LANCE018", Entity(Key + " [Embed(\"\")] public string Body { get; set; } = \"\";"), "\"\"",
            "[Embed] on property 'Body' has an empty embedding function name", "[Embed(\"minilm\")]", "known: minilm");

    [Fact]
    public Task LANCE018_fires_for_a_whitespace_function_name() =>
        DiagnosticAssert.FiresAsync("LANCE018", Entity(Key + " [Embed(\"  \")] public string Body { get; set; } = \"\";"), "\"  \"", "empty embedding function name");

    // LANCE019: key types that cannot identify rows.

    [Fact]
    public Task LANCE019_fires_for_a_floating_point_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key] public double Id { get; set; }"), "Id", "'Id' of type 'double'", "floating-point", "use a non-nullable string, integer, Guid");

    [Fact]
    public Task LANCE019_fires_for_a_bool_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key] public bool Id { get; set; }"), "Id", "'bool'", "two values");

    [Fact]
    public Task LANCE019_fires_for_a_nullable_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key] public string? Id { get; set; }"), "Id", "'string?'", "nullable", "null key never matches");

    [Fact]
    public Task LANCE019_fires_for_a_nullable_value_type_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key] public int? Id { get; set; }"), "Id", "'int?'", "nullable");

    [Fact]
    public Task LANCE019_fires_for_a_list_key() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key] public List<string> Id { get; set; } = new();"), "Id", "not a scalar");

    [Fact]
    public Task LANCE019_fires_for_a_key_bound_to_a_search_column() =>
        DiagnosticAssert.FiresAsync("LANCE019", Entity("[Key, Column(\"_rowid\")] public long Id { get; set; }"), "Id", "'_rowid'", "the server adds to search results");

    [Theory]
    [InlineData("long")]
    [InlineData("Guid")]
    [InlineData("Color")]
    [InlineData("DateOnly")]
    [InlineData("decimal")]
    public Task LANCE019_is_silent_for_scalar_keys(string type) =>
        DiagnosticAssert.SilentAsync(Entity($"[Key] public {type} Id {{ get; set; }}"));

    [Fact]
    public Task LANCE019_is_silent_for_a_string_key_where_nullable_annotations_are_disabled() =>
        DiagnosticAssert.SilentAsync(Entity("[Key] public string Id { get; set; } = \"\";", prelude: "#nullable disable"));

    // LANCE020: required members the generated reader cannot set.

    [Fact]
    public Task LANCE020_fires_for_a_required_field() =>
        DiagnosticAssert.FiresAsync("LANCE020", Entity(Key + " public required string Name;"), "Name",
            "Required member 'Name' of entity 'Item' is a field", "make it a property");

    [Fact]
    public Task LANCE020_fires_for_a_required_ignored_property() =>
        DiagnosticAssert.FiresAsync("LANCE020", Entity(Key + " [Ignore] public required string Name { get; set; }"), "Name",
            "is marked [Ignore]", "remove 'required', or remove [Ignore]", "[SetsRequiredMembers]");

    [Fact]
    public Task LANCE020_fires_for_a_required_property_with_a_protected_setter() =>
        DiagnosticAssert.FiresAlongsideAsync("LANCE020", Entity(Key + " public required string Name { get; protected set; }"), "Name", ["CS9032"],
            "has no public or internal setter");

    [Fact]
    public Task LANCE020_is_silent_when_the_parameterless_constructor_sets_required_members() =>
        DiagnosticAssert.SilentAsync(Entity(Key + " [Ignore] public required string Name { get; set; } [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public Item() { Name = \"\"; }"));

    [Fact]
    public Task LANCE020_is_silent_for_required_mapped_properties() =>
        DiagnosticAssert.SilentAsync(Entity("[Key] public required string Id { get; init; } public required string Name { get; set; }"));

    // LANCE021: user names the generated code would clash with.

    [Fact]
    public Task LANCE021_fires_for_a_member_named_LanceMap() =>
        DiagnosticAssert.FiresAsync("LANCE021", Entity(Key + " public string LanceMap { get; set; } = \"\";"), "LanceMap",
            "'Item.LanceMap' conflicts with the static property 'LanceMap'", "rename the member");

    [Fact]
    public Task LANCE021_fires_for_a_non_partial_class_named_like_the_repository() =>
        DiagnosticAssert.FiresAsync("LANCE021", Entity(Key, epilogue: "public class ItemRepository { }"), "ItemRepository",
            "conflicts with the repository class 'ItemRepository'", "declare it 'partial class ItemRepository'");

    [Fact]
    public Task LANCE021_fires_for_a_type_named_like_the_map() =>
        DiagnosticAssert.FiresAsync("LANCE021", Entity(Key, epilogue: "public interface ItemLanceMap { }"), "ItemLanceMap", "the map class 'ItemLanceMap'", "rename it");

    [Fact]
    public Task LANCE021_is_silent_for_a_partial_class_extending_the_generated_repository() =>
        DiagnosticAssert.SilentAsync(Entity(Key, epilogue: "public partial class ItemRepository { public string Describe() => TableName; }"));

    [Fact]
    public Task LANCE021_is_silent_for_a_member_named_LanceMap_in_a_base_class() =>
        DiagnosticAssert.SilentAsync(Entity(Key, declaration: "public partial class Item : BaseItem",
            epilogue: "public class BaseItem { public static string LanceMap => \"visible\"; } public class OtherBase { private static int LanceMap => 0; } [LanceTable(\"others\")] public partial class Other : OtherBase { [Key] public long Id { get; set; } }"));
}
