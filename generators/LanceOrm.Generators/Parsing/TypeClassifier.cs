using System.Collections.Generic;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Parsing;

/// <summary>The result of classifying a property type.</summary>
internal readonly struct TypeClassification
{
    public TypeClassification(ValueKind kind, ClrShape shape, bool isNullable, bool isNullableValueType, bool elementNullable, INamedTypeSymbol? enumType)
    {
        Kind = kind;
        Shape = shape;
        IsNullable = isNullable;
        IsNullableValueType = isNullableValueType;
        ElementNullable = elementNullable;
        EnumType = enumType;
    }

    public ValueKind Kind { get; }

    public ClrShape Shape { get; }

    public bool IsNullable { get; }

    public bool IsNullableValueType { get; }

    public bool ElementNullable { get; }

    public INamedTypeSymbol? EnumType { get; }
}

/// <summary>Maps CLR property types to Arrow storage kinds (the table in <c>generators/README.md</c>).</summary>
internal static class TypeClassifier
{
    /// <summary>The supported types, for messages.</summary>
    public const string SupportedTypes =
        "supported types are string, bool, integers, float, double, decimal, DateTime, DateTimeOffset, DateOnly, Guid, byte[], ReadOnlyMemory<byte>, FileInfo, enums, their nullable forms, string lists/arrays and [Vector] float[]/ReadOnlyMemory<float>";

    /// <summary>The property types an image function embeds, for messages.</summary>
    public const string ImageTypes = "byte[], ReadOnlyMemory<byte> or FileInfo";

    /// <summary>Whether a classified property holds an image an image function can embed (bytes or a file).</summary>
    public static bool IsImage(ValueKind kind, ClrShape shape) => kind == ValueKind.Binary || shape == ClrShape.FileInfo;

    /// <summary>Whether a classified property holds text a text function can embed.</summary>
    public static bool IsText(ValueKind kind, ClrShape shape) => kind == ValueKind.String && shape != ClrShape.FileInfo;

    /// <summary>Whether <paramref name="type"/> is <c>float[]</c> or <c>ReadOnlyMemory&lt;float&gt;</c> (or nullable forms).</summary>
    public static bool TryClassifyVector(ITypeSymbol type, out TypeClassification classification)
    {
        var isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single })
        {
            classification = new TypeClassification(ValueKind.Vector, ClrShape.Array, type.NullableAnnotation != NullableAnnotation.NotAnnotated, false, false, null);
            return true;
        }

        if (type is INamedTypeSymbol { Name: "ReadOnlyMemory", TypeArguments.Length: 1 } memory &&
            memory.ContainingNamespace.ToDisplayString() == "System" &&
            memory.TypeArguments[0].SpecialType == SpecialType.System_Single)
        {
            classification = new TypeClassification(ValueKind.Vector, ClrShape.ReadOnlyMemory, isNullableValueType, isNullableValueType, false, null);
            return true;
        }

        classification = default;
        return false;
    }

    /// <summary>Classifies a non-vector property type; <c>false</c> when it is not supported.</summary>
    public static bool TryClassify(ITypeSymbol type, out TypeClassification classification)
    {
        var isNullableValueType = false;
        var underlying = type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            underlying = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        // Annotated (T?) and oblivious (#nullable disable) reference types may hold null.
        var referenceNullable = !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var isNullable = isNullableValueType || referenceNullable;

        ValueKind? kind = underlying.SpecialType switch
        {
            SpecialType.System_String => ValueKind.String,
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_SByte => ValueKind.Int8,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_Byte => ValueKind.UInt8,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            SpecialType.System_Single => ValueKind.Float,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_Decimal => ValueKind.Decimal,
            SpecialType.System_DateTime => ValueKind.Timestamp,
            _ => null,
        };

        if (kind is { } simple)
        {
            var shape = simple == ValueKind.Timestamp ? ClrShape.DateTime : ClrShape.Plain;
            classification = new TypeClassification(simple, shape, isNullable, isNullableValueType, false, null);
            return true;
        }

        if (underlying is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            classification = new TypeClassification(ValueKind.Enum, ClrShape.Plain, isNullable, isNullableValueType, false, enumType);
            return true;
        }

        var systemName = underlying.ContainingNamespace?.ToDisplayString() == "System" ? underlying.MetadataName : null;
        switch (systemName)
        {
            case "ReadOnlyMemory`1" when underlying is INamedTypeSymbol { TypeArguments.Length: 1 } memory && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte:
                classification = new TypeClassification(ValueKind.Binary, ClrShape.ReadOnlyMemory, isNullable, isNullableValueType, false, null);
                return true;
            case "DateTimeOffset":
                classification = new TypeClassification(ValueKind.Timestamp, ClrShape.DateTimeOffset, isNullable, isNullableValueType, false, null);
                return true;
            case "DateOnly":
                classification = new TypeClassification(ValueKind.Date, ClrShape.Plain, isNullable, isNullableValueType, false, null);
                return true;
            case "Guid":
                classification = new TypeClassification(ValueKind.Guid, ClrShape.Plain, isNullable, isNullableValueType, false, null);
                return true;
        }

        if (underlying.ContainingNamespace?.ToDisplayString() == "System.IO" && underlying.MetadataName == "FileInfo")
        {
            classification = new TypeClassification(ValueKind.String, ClrShape.FileInfo, isNullable, false, false, null);
            return true;
        }

        if (underlying is IArrayTypeSymbol { Rank: 1 } array)
        {
            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                classification = new TypeClassification(ValueKind.Binary, ClrShape.Plain, isNullable, false, false, null);
                return true;
            }

            if (array.ElementType.SpecialType == SpecialType.System_String)
            {
                classification = new TypeClassification(ValueKind.StringList, ClrShape.Array, isNullable, false, array.ElementNullableAnnotation == NullableAnnotation.Annotated, null);
                return true;
            }
        }

        if (underlying is INamedTypeSymbol { TypeArguments.Length: 1 } generic &&
            generic.TypeArguments[0].SpecialType == SpecialType.System_String &&
            ListShapes.TryGetValue(generic.OriginalDefinition.ToDisplayString(), out var listShape))
        {
            var elementNullable = generic.TypeArgumentNullableAnnotations[0] == NullableAnnotation.Annotated;
            classification = new TypeClassification(ValueKind.StringList, listShape, isNullable, false, elementNullable, null);
            return true;
        }

        classification = default;
        return false;
    }

    private static readonly Dictionary<string, ClrShape> ListShapes = new()
    {
        ["System.Collections.Generic.List<T>"] = ClrShape.List,
        ["System.Collections.Generic.IList<T>"] = ClrShape.MutableInterface,
        ["System.Collections.Generic.ICollection<T>"] = ClrShape.MutableInterface,
        ["System.Collections.Generic.IReadOnlyList<T>"] = ClrShape.ReadOnlyInterface,
        ["System.Collections.Generic.IReadOnlyCollection<T>"] = ClrShape.ReadOnlyInterface,
        ["System.Collections.Generic.IEnumerable<T>"] = ClrShape.ReadOnlyInterface,
    };
}
