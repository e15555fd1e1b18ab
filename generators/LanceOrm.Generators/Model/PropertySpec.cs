namespace LanceOrm.Generators.Model;

/// <summary>One mapped property of an entity.</summary>
/// <param name="Name">The CLR property name.</param>
/// <param name="ColumnName">The column name.</param>
/// <param name="Kind">The Arrow storage kind.</param>
/// <param name="Shape">The CLR shape within the kind.</param>
/// <param name="TypeName">The fully qualified CLR type as written in generated code (with <c>?</c> when nullable).</param>
/// <param name="IsNullable">Whether the property accepts null (<c>Nullable&lt;T&gt;</c> or an annotated reference type).</param>
/// <param name="IsNullableValueType">Whether the property is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="ElementNullable">For string lists: whether the elements are annotated nullable.</param>
/// <param name="EnumTypeName">For enums: the fully qualified enum type.</param>
/// <param name="EnumMembers">For enums: the member names, in declaration order.</param>
/// <param name="VectorDimensions">For vectors: the dimension.</param>
/// <param name="IsKey">Whether the property is the key.</param>
/// <param name="HasFullTextIndex">Whether a full-text index is wanted.</param>
/// <param name="SetInInitializer">Whether the property must be set in an object initializer (init-only or required).</param>
internal sealed record PropertySpec(
    string Name,
    string ColumnName,
    ValueKind Kind,
    ClrShape Shape,
    string TypeName,
    bool IsNullable,
    bool IsNullableValueType,
    bool ElementNullable,
    string? EnumTypeName,
    EquatableArray<string> EnumMembers,
    int VectorDimensions,
    bool IsKey,
    bool HasFullTextIndex,
    bool SetInInitializer);
