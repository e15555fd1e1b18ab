using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Diagnostics;

/// <summary>The one catalogue of LanceOrm diagnostics. Every rule is an error: a wrong annotation would fail at run time.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Category of the rules that validate <c>[LanceTable]</c> entities.</summary>
    public const string MappingCategory = "LanceOrm.Mapping";

    /// <summary>Category of the rules that validate query call sites.</summary>
    public const string UsageCategory = "LanceOrm.Usage";

    private const string HelpBase = "https://github.com/lanceorm/lanceorm/blob/main/docs/diagnostics.md#";

    /// <summary>LANCE001: "Entity '{0}' must be declared partial ...".</summary>
    public static readonly DiagnosticDescriptor EntityNotPartial = Create(
        DiagnosticIds.EntityNotPartial,
        "LanceTable entity must be partial",
        "Entity '{0}' must be declared 'partial' so that LanceOrm can generate its table mapping",
        MappingCategory);

    /// <summary>LANCE002: "Entity '{0}' has no [Key] property".</summary>
    public static readonly DiagnosticDescriptor MissingKey = Create(
        DiagnosticIds.MissingKey,
        "LanceTable entity has no [Key]",
        "Entity '{0}' has no [Key] property; mark the property that identifies a row with [Key]",
        MappingCategory);

    /// <summary>LANCE003 (a text function, or an unknown one, on a property that holds no text): "[Embed] on '{0}' of type '{1}'".</summary>
    public static readonly DiagnosticDescriptor EmbedOnNonString = Create(
        DiagnosticIds.EmbedOnNonString,
        "[Embed] with a text function on a property that is not a string",
        "[Embed(\"{2}\")] is on property '{0}' of type '{1}'; {3}",
        MappingCategory);

    /// <summary>LANCE004: "Property '{0}' uses embedding function '{1}', which is not known at compile time".</summary>
    public static readonly DiagnosticDescriptor UnknownEmbeddingFunction = Create(
        DiagnosticIds.UnknownEmbeddingFunction,
        "Unknown embedding function",
        "Property '{0}' uses embedding function '{1}', which is not known at compile time; known: {2}. Declare it with [assembly: EmbeddingFunction(\"{1}\", dimensions)].",
        MappingCategory);

    /// <summary>LANCE005: "Property '{0}' of type '{1}' cannot be mapped: {2}".</summary>
    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Create(
        DiagnosticIds.UnsupportedPropertyType,
        "Unsupported property type",
        "Property '{0}' of type '{1}' cannot be mapped: {2}",
        MappingCategory);

    /// <summary>LANCE006: "Properties '{0}' and '{1}' both map to column '{2}'".</summary>
    public static readonly DiagnosticDescriptor DuplicateColumn = Create(
        DiagnosticIds.DuplicateColumn,
        "Two properties map to the same column",
        "Properties '{0}' and '{1}' both map to column '{2}'; rename one with [Column(\"...\")] or mark it [Ignore]",
        MappingCategory);

    /// <summary>LANCE007: "The vector column '{0}' of [Embed] property '{1}' collides with {2}".</summary>
    public static readonly DiagnosticDescriptor VectorColumnCollision = Create(
        DiagnosticIds.VectorColumnCollision,
        "Embedding vector column collides with another column",
        "The vector column '{0}' of [Embed] property '{1}' collides with {2}; set [Embed(..., VectorColumn = \"...\")] to another name",
        MappingCategory);

    /// <summary>LANCE008: "[Vector] on '{0}' has dimension {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidVectorDimension = Create(
        DiagnosticIds.InvalidVectorDimension,
        "[Vector] dimension must be positive",
        "[Vector] on property '{0}' has dimension {1}; the dimension must be greater than zero",
        MappingCategory);

    /// <summary>LANCE009: "[Vector({1})] on '{0}' but function '{3}' writes {2} dimensions".</summary>
    public static readonly DiagnosticDescriptor VectorDimensionMismatch = Create(
        DiagnosticIds.VectorDimensionMismatch,
        "[Vector] dimension differs from the embedding function's",
        "Property '{0}' declares [Vector({1})] on column '{4}', but embedding function '{3}' writes {2} dimensions to that column",
        MappingCategory);

    /// <summary>LANCE010: "Table name '{0}' of entity '{1}' is invalid".</summary>
    public static readonly DiagnosticDescriptor InvalidTableName = Create(
        DiagnosticIds.InvalidTableName,
        "Invalid table name",
        "Table name '{0}' of entity '{1}' is invalid: a table name is non-empty and uses only letters, digits, '_', '-' and '.'",
        MappingCategory);

    /// <summary>LANCE011: "Column name '{0}' of '{1}' is invalid: {2}".</summary>
    public static readonly DiagnosticDescriptor InvalidColumnName = Create(
        DiagnosticIds.InvalidColumnName,
        "Invalid column name",
        "Column name '{0}' of property '{1}' is invalid: {2}",
        MappingCategory);

    /// <summary>LANCE012: "{2}({3}, text): '{0}' is not an [Embed] property of '{1}'" ({2} = Search or HybridSearch, {3} = the lambda, {4} = the fix, {5} = text or image).</summary>
    public static readonly DiagnosticDescriptor SearchOnNonEmbeddedProperty = Create(
        DiagnosticIds.SearchOnNonEmbeddedProperty,
        "Search on a property that is not embedded",
        "{2}({3}, {5}): '{0}' is not an [Embed] property of '{1}'; semantic and hybrid search need a property marked [Embed(\"function\")]: {4}",
        UsageCategory);

    /// <summary>LANCE013: "Entity '{0}' has more than one [Key] property: {1}".</summary>
    public static readonly DiagnosticDescriptor MultipleKeys = Create(
        DiagnosticIds.MultipleKeys,
        "LanceTable entity has more than one [Key]",
        "Entity '{0}' has more than one [Key] property ({1}); LanceOrm supports a single key column",
        MappingCategory);

    /// <summary>LANCE014: "Entity '{0}' cannot be mapped: {1}".</summary>
    public static readonly DiagnosticDescriptor UnsupportedEntityShape = Create(
        DiagnosticIds.UnsupportedEntityShape,
        "Unsupported entity shape",
        "Entity '{0}' cannot be mapped: {1}",
        MappingCategory);

    /// <summary>LANCE015: "{0}: the selector must be {1}, such as {2}" ({0} = the call as written, e.g. <c>Search(x => x.Body.Trim(), text)</c>).</summary>
    public static readonly DiagnosticDescriptor SelectorNotPropertyAccess = Create(
        DiagnosticIds.SelectorNotPropertyAccess,
        "Column selector is not a plain property access",
        "{0}: the selector must be {1}, such as {2}; a selector only names a column and is never evaluated, so transform the value, not the selector",
        UsageCategory);

    /// <summary>LANCE016: "Property '{0}' is marked {1} but {2}, so LanceOrm does not map it; {3}".</summary>
    public static readonly DiagnosticDescriptor AnnotatedPropertyNotMapped = Create(
        DiagnosticIds.AnnotatedPropertyNotMapped,
        "Annotated property is not mapped",
        "Property '{0}' is marked {1} but {2}, so LanceOrm does not map it; {3}",
        MappingCategory);

    /// <summary>LANCE017: "Property '{0}' is marked both [Ignore] and {1}: {2}".</summary>
    public static readonly DiagnosticDescriptor IgnoredPropertyWithMapping = Create(
        DiagnosticIds.IgnoredPropertyWithMapping,
        "[Ignore] property also has a mapping attribute",
        "Property '{0}' is marked both [Ignore] and {1}: {2}; remove [Ignore], or remove {1}",
        MappingCategory);

    /// <summary>LANCE018: "[Embed] on property '{0}' has an empty function name".</summary>
    public static readonly DiagnosticDescriptor EmptyEmbeddingFunctionName = Create(
        DiagnosticIds.EmptyEmbeddingFunctionName,
        "Embedding function name is empty",
        "[Embed] on property '{0}' has an empty embedding function name; name a known function, e.g. [Embed(\"minilm\")] (known: {1})",
        MappingCategory);

    /// <summary>LANCE019: "[Key] property '{0}' of type '{1}' cannot be the key: {2}".</summary>
    public static readonly DiagnosticDescriptor InvalidKeyType = Create(
        DiagnosticIds.InvalidKeyType,
        "Unsupported [Key] type",
        "[Key] property '{0}' of type '{1}' cannot identify rows: {2}; use a non-nullable string, integer, Guid, enum, decimal, DateTime, DateTimeOffset or DateOnly key",
        MappingCategory);

    /// <summary>LANCE020: "Required member '{0}' of entity '{1}' {2}".</summary>
    public static readonly DiagnosticDescriptor RequiredMemberNotMapped = Create(
        DiagnosticIds.RequiredMemberNotMapped,
        "Required member is not mapped",
        "Required member '{0}' of entity '{1}' {2}, so the generated reader cannot set it when it reads a row; {3}",
        MappingCategory);

    /// <summary>LANCE021: "'{0}' conflicts with the {1} LanceOrm generates for entity '{2}'".</summary>
    public static readonly DiagnosticDescriptor GeneratedNameConflict = Create(
        DiagnosticIds.GeneratedNameConflict,
        "Name conflicts with generated code",
        "'{0}' conflicts with the {1} that LanceOrm generates for entity '{2}'; {3}",
        MappingCategory);

    /// <summary>LANCE022: "SetSql({0}, sql): '{1}' is an [Embed] property ...".</summary>
    public static readonly DiagnosticDescriptor SqlAssignmentToEmbeddedProperty = Create(
        DiagnosticIds.SqlAssignmentToEmbeddedProperty,
        "SQL assignment to an embedded property",
        "SetSql({0}, sql): '{1}' is an [Embed] property, and a SQL expression is evaluated by the server, so its vector could not be computed; use set.Set({0}, newText), which writes the text and its vector, or upsert the rows",
        UsageCategory);

    /// <summary>LANCE023: "[Embed(\"{2}\")] is on property '{0}' of type '{1}'; '{2}' embeds images ...".</summary>
    public static readonly DiagnosticDescriptor ImageEmbedOnNonImage = Create(
        DiagnosticIds.ImageEmbedOnNonImage,
        "[Embed] with an image function on a property that holds no image",
        "[Embed(\"{2}\")] is on property '{0}' of type '{1}'; '{2}' embeds images, so put it on a byte[], ReadOnlyMemory<byte> or FileInfo property{3}",
        MappingCategory);

    /// <summary>LANCE024: "Search({0}, image): '{1}' is embedded with the text function '{2}' ...".</summary>
    public static readonly DiagnosticDescriptor ImageSearchOnTextProperty = Create(
        DiagnosticIds.ImageSearchOnTextProperty,
        "Image search on a property embedded with a text function",
        "Search({0}, image): '{1}' is embedded with the text function '{2}', which cannot embed an image; {3}",
        UsageCategory);

    /// <summary>LANCE030: "[{0}] on property '{1}' {2}" ({2} says what is wrong and the fix).</summary>
    public static readonly DiagnosticDescriptor InvalidIndexDeclaration = Create(
        DiagnosticIds.InvalidIndexDeclaration,
        "Invalid index declaration",
        "[{0}] on property '{1}' {2}",
        MappingCategory);

    /// <summary>Every descriptor, by id.</summary>
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        EntityNotPartial, MissingKey, EmbedOnNonString, UnknownEmbeddingFunction, UnsupportedPropertyType,
        DuplicateColumn, VectorColumnCollision, InvalidVectorDimension, VectorDimensionMismatch, InvalidTableName,
        InvalidColumnName, SearchOnNonEmbeddedProperty, MultipleKeys, UnsupportedEntityShape, SelectorNotPropertyAccess,
        AnnotatedPropertyNotMapped, IgnoredPropertyWithMapping, EmptyEmbeddingFunctionName, InvalidKeyType, RequiredMemberNotMapped,
        GeneratedNameConflict, SqlAssignmentToEmbeddedProperty, ImageEmbedOnNonImage, ImageSearchOnTextProperty,
        InvalidIndexDeclaration,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>The descriptors the entity analyzer reports (every mapping rule).</summary>
    public static IEnumerable<DiagnosticDescriptor> EntityRules =>
        ById.Values.Where(d => d.Category == MappingCategory).OrderBy(d => d.Id);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category) =>
        new(
            id,
            title,
            message,
            category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}
