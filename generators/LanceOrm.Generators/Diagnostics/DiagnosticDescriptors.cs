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

    /// <summary>LANCE003: "[Embed] on '{0}' of type '{1}'".</summary>
    public static readonly DiagnosticDescriptor EmbedOnNonString = Create(
        DiagnosticIds.EmbedOnNonString,
        "[Embed] on a property that is not a string",
        "[Embed] is on property '{0}' of type '{1}'; only string properties can be embedded",
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

    /// <summary>LANCE012: "{2}(x => x.{0}, text): '{0}' is not an [Embed] property of '{1}'" ({2} = Search or HybridSearch).</summary>
    public static readonly DiagnosticDescriptor SearchOnNonEmbeddedProperty = Create(
        DiagnosticIds.SearchOnNonEmbeddedProperty,
        "Search on a property that is not embedded",
        "{2}(x => x.{0}, text): '{0}' is not an [Embed] property of '{1}'; semantic and hybrid search need a property marked [Embed(\"function\")]",
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
        InvalidColumnName, SearchOnNonEmbeddedProperty, MultipleKeys, UnsupportedEntityShape,
        InvalidIndexDeclaration,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>The descriptors the entity analyzer reports (everything but the call-site rule).</summary>
    public static IEnumerable<DiagnosticDescriptor> EntityRules =>
        ById.Values.Where(d => d.Id != DiagnosticIds.SearchOnNonEmbeddedProperty).OrderBy(d => d.Id);

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
