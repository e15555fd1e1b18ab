using Apache.Arrow;

namespace LanceOrm.Mapping;

/// <summary>The fixed-width columns: one generic loop per nullability over Arrow's typed builders.</summary>
public static partial class ArrowColumnWriter
{
    /// <summary>A <c>bool</c> column.</summary>
    public static IArrowArray Boolean<T>(IReadOnlyList<T> entities, Func<T, bool> get) =>
        Values<T, bool, BooleanArray, BooleanArray.Builder>(entities, get, new BooleanArray.Builder().Reserve(entities.Count));

    /// <summary>
    /// A nullable <c>bool</c> column, built from two bitmaps so that the value bitmap holds a bit per row even when every
    /// row is null (arrow-rs rejects an empty one).
    /// </summary>
    public static IArrowArray Boolean<T>(IReadOnlyList<T> entities, Func<T, bool?> get)
    {
        var count = entities.Count;
        var values = new ArrowBuffer.BitmapBuilder(count);
        var validity = new ArrowBuffer.BitmapBuilder(count);
        for (var row = 0; row < count; row++)
        {
            var value = get(entities[row]);
            values.Append(value ?? false);
            validity.Append(value.HasValue);
        }

        var nulls = validity.UnsetBitCount;
        return new BooleanArray(values.Build(), nulls == 0 ? ArrowBuffer.Empty : validity.Build(), count, nulls, 0);
    }

    /// <summary>A <c>int8</c> column.</summary>
    public static IArrowArray Int8<T>(IReadOnlyList<T> entities, Func<T, sbyte> get) =>
        Values<T, sbyte, Int8Array, Int8Array.Builder>(entities, get, new Int8Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>int8</c> column.</summary>
    public static IArrowArray Int8<T>(IReadOnlyList<T> entities, Func<T, sbyte?> get) =>
        NullableValues<T, sbyte, Int8Array, Int8Array.Builder>(entities, get, new Int8Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>int16</c> column.</summary>
    public static IArrowArray Int16<T>(IReadOnlyList<T> entities, Func<T, short> get) =>
        Values<T, short, Int16Array, Int16Array.Builder>(entities, get, new Int16Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>int16</c> column.</summary>
    public static IArrowArray Int16<T>(IReadOnlyList<T> entities, Func<T, short?> get) =>
        NullableValues<T, short, Int16Array, Int16Array.Builder>(entities, get, new Int16Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>int32</c> column.</summary>
    public static IArrowArray Int32<T>(IReadOnlyList<T> entities, Func<T, int> get) =>
        Values<T, int, Int32Array, Int32Array.Builder>(entities, get, new Int32Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>int32</c> column.</summary>
    public static IArrowArray Int32<T>(IReadOnlyList<T> entities, Func<T, int?> get) =>
        NullableValues<T, int, Int32Array, Int32Array.Builder>(entities, get, new Int32Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>int64</c> column.</summary>
    public static IArrowArray Int64<T>(IReadOnlyList<T> entities, Func<T, long> get) =>
        Values<T, long, Int64Array, Int64Array.Builder>(entities, get, new Int64Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>int64</c> column.</summary>
    public static IArrowArray Int64<T>(IReadOnlyList<T> entities, Func<T, long?> get) =>
        NullableValues<T, long, Int64Array, Int64Array.Builder>(entities, get, new Int64Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>uint8</c> column.</summary>
    public static IArrowArray UInt8<T>(IReadOnlyList<T> entities, Func<T, byte> get) =>
        Values<T, byte, UInt8Array, UInt8Array.Builder>(entities, get, new UInt8Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>uint8</c> column.</summary>
    public static IArrowArray UInt8<T>(IReadOnlyList<T> entities, Func<T, byte?> get) =>
        NullableValues<T, byte, UInt8Array, UInt8Array.Builder>(entities, get, new UInt8Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>uint16</c> column.</summary>
    public static IArrowArray UInt16<T>(IReadOnlyList<T> entities, Func<T, ushort> get) =>
        Values<T, ushort, UInt16Array, UInt16Array.Builder>(entities, get, new UInt16Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>uint16</c> column.</summary>
    public static IArrowArray UInt16<T>(IReadOnlyList<T> entities, Func<T, ushort?> get) =>
        NullableValues<T, ushort, UInt16Array, UInt16Array.Builder>(entities, get, new UInt16Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>uint32</c> column.</summary>
    public static IArrowArray UInt32<T>(IReadOnlyList<T> entities, Func<T, uint> get) =>
        Values<T, uint, UInt32Array, UInt32Array.Builder>(entities, get, new UInt32Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>uint32</c> column.</summary>
    public static IArrowArray UInt32<T>(IReadOnlyList<T> entities, Func<T, uint?> get) =>
        NullableValues<T, uint, UInt32Array, UInt32Array.Builder>(entities, get, new UInt32Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>uint64</c> column.</summary>
    public static IArrowArray UInt64<T>(IReadOnlyList<T> entities, Func<T, ulong> get) =>
        Values<T, ulong, UInt64Array, UInt64Array.Builder>(entities, get, new UInt64Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>uint64</c> column.</summary>
    public static IArrowArray UInt64<T>(IReadOnlyList<T> entities, Func<T, ulong?> get) =>
        NullableValues<T, ulong, UInt64Array, UInt64Array.Builder>(entities, get, new UInt64Array.Builder().Reserve(entities.Count));

    /// <summary>A <c>float32</c> column.</summary>
    public static IArrowArray Float<T>(IReadOnlyList<T> entities, Func<T, float> get) =>
        Values<T, float, FloatArray, FloatArray.Builder>(entities, get, new FloatArray.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>float32</c> column.</summary>
    public static IArrowArray Float<T>(IReadOnlyList<T> entities, Func<T, float?> get) =>
        NullableValues<T, float, FloatArray, FloatArray.Builder>(entities, get, new FloatArray.Builder().Reserve(entities.Count));

    /// <summary>A <c>float64</c> column.</summary>
    public static IArrowArray Double<T>(IReadOnlyList<T> entities, Func<T, double> get) =>
        Values<T, double, DoubleArray, DoubleArray.Builder>(entities, get, new DoubleArray.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>float64</c> column.</summary>
    public static IArrowArray Double<T>(IReadOnlyList<T> entities, Func<T, double?> get) =>
        NullableValues<T, double, DoubleArray, DoubleArray.Builder>(entities, get, new DoubleArray.Builder().Reserve(entities.Count));

    /// <summary>A <c>date32</c> column.</summary>
    public static IArrowArray Date<T>(IReadOnlyList<T> entities, Func<T, DateOnly> get) =>
        Values<T, DateOnly, Date32Array, Date32Array.Builder>(entities, get, new Date32Array.Builder().Reserve(entities.Count));

    /// <summary>A nullable <c>date32</c> column.</summary>
    public static IArrowArray Date<T>(IReadOnlyList<T> entities, Func<T, DateOnly?> get) =>
        NullableValues<T, DateOnly, Date32Array, Date32Array.Builder>(entities, get, new Date32Array.Builder().Reserve(entities.Count));

    private static IArrowArray Values<T, TValue, TArray, TBuilder>(IReadOnlyList<T> entities, Func<T, TValue> get, TBuilder builder)
        where TValue : struct
        where TArray : IArrowArray
        where TBuilder : IArrowArrayBuilder<TValue, TArray, TBuilder>
    {
        var count = entities.Count;
        for (var row = 0; row < count; row++)
        {
            builder.Append(get(entities[row]));
        }

        return builder.Build(default);
    }

    private static IArrowArray NullableValues<T, TValue, TArray, TBuilder>(IReadOnlyList<T> entities, Func<T, TValue?> get, TBuilder builder)
        where TValue : struct
        where TArray : IArrowArray
        where TBuilder : IArrowArrayBuilder<TValue, TArray, TBuilder>
    {
        var count = entities.Count;
        for (var row = 0; row < count; row++)
        {
            if (get(entities[row]) is { } value)
            {
                builder.Append(value);
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build(default);
    }
}
