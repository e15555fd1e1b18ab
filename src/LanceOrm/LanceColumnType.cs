using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Protocol;

namespace LanceOrm;

/// <summary>
/// A column's Arrow data type, for <see cref="LanceColumnAlteration.DataType"/>. LanceDB casts a column only within its
/// family: integers to integers (<c>int32</c> → <c>int64</c>), floats to floats (<c>double</c> → <c>float</c>), strings to
/// strings (<c>string</c> → <c>large_string</c>), vectors to vectors of the same dimension (<see cref="Vector"/> →
/// <see cref="HalfVector"/>); other casts are rejected by the server.
/// </summary>
public sealed class LanceColumnType : IEquatable<LanceColumnType>
{
    private LanceColumnType(IArrowType arrowType) => ArrowType = arrowType;

    /// <summary>8-bit signed integer (<c>int8</c>).</summary>
    public static LanceColumnType Int8 { get; } = new(Int8Type.Default);

    /// <summary>16-bit signed integer (<c>int16</c>).</summary>
    public static LanceColumnType Int16 { get; } = new(Int16Type.Default);

    /// <summary>32-bit signed integer (<c>int32</c>).</summary>
    public static LanceColumnType Int32 { get; } = new(Int32Type.Default);

    /// <summary>64-bit signed integer (<c>int64</c>).</summary>
    public static LanceColumnType Int64 { get; } = new(Int64Type.Default);

    /// <summary>8-bit unsigned integer (<c>uint8</c>).</summary>
    public static LanceColumnType UInt8 { get; } = new(UInt8Type.Default);

    /// <summary>16-bit unsigned integer (<c>uint16</c>).</summary>
    public static LanceColumnType UInt16 { get; } = new(UInt16Type.Default);

    /// <summary>32-bit unsigned integer (<c>uint32</c>).</summary>
    public static LanceColumnType UInt32 { get; } = new(UInt32Type.Default);

    /// <summary>64-bit unsigned integer (<c>uint64</c>).</summary>
    public static LanceColumnType UInt64 { get; } = new(UInt64Type.Default);

    /// <summary>16-bit float (<c>halffloat</c>).</summary>
    public static LanceColumnType Float16 { get; } = new(HalfFloatType.Default);

    /// <summary>32-bit float (<c>float</c>).</summary>
    public static LanceColumnType Float32 { get; } = new(FloatType.Default);

    /// <summary>64-bit float (<c>double</c>).</summary>
    public static LanceColumnType Float64 { get; } = new(DoubleType.Default);

    /// <summary>UTF-8 text (<c>string</c>).</summary>
    public static LanceColumnType String { get; } = new(StringType.Default);

    /// <summary>UTF-8 text with 64-bit offsets (<c>large_string</c>).</summary>
    public static LanceColumnType LargeString { get; } = new(LargeStringType.Default);

    /// <summary>The LanceDB type string (<c>int64</c>, <c>fixed_size_list&lt;halffloat&gt;[384]</c> …).</summary>
    public string Name => ArrowTypeNames.Describe(ArrowType);

    internal IArrowType ArrowType { get; }

    /// <summary>A vector of 32-bit floats (<c>fixed_size_list&lt;float&gt;[dimensions]</c>), as LanceOrm writes them.</summary>
    /// <param name="dimensions">The vector's dimension (positive).</param>
    public static LanceColumnType Vector(int dimensions) => VectorOf(FloatType.Default, dimensions);

    /// <summary>A vector of 16-bit floats (<c>fixed_size_list&lt;halffloat&gt;[dimensions]</c>): half the storage of <see cref="Vector"/>.</summary>
    /// <param name="dimensions">The vector's dimension (positive).</param>
    public static LanceColumnType HalfVector(int dimensions) => VectorOf(HalfFloatType.Default, dimensions);

    /// <inheritdoc />
    public bool Equals(LanceColumnType? other) => other is not null && other.Name == Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LanceColumnType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static LanceColumnType VectorOf(IArrowType item, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        return new LanceColumnType(new FixedSizeListType(new Field("item", item, true), dimensions));
    }
}
