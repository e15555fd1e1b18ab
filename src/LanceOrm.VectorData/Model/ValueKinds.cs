using System.Diagnostics.CodeAnalysis;
using LanceOrm.Mapping;

namespace LanceOrm.VectorData.Model;

/// <summary>The .NET data types a LanceDB column holds, and how (the same storage LanceOrm's generated mappers use).</summary>
internal static class ValueKinds
{
    /// <summary>The supported data property types, as MEVD's errors name them.</summary>
    public const string SupportedDataTypes =
        "string, bool, sbyte, short, int, long, byte, ushort, uint, ulong, float, double, decimal, DateTime, DateTimeOffset, DateOnly, Guid, byte[], string[], List<string> (value types also as Nullable<T>)";

    /// <summary>The storage kind of a data or key property type.</summary>
    public static bool TryGetDataKind(Type type, [NotNullWhen(true)] out LanceValueKind? kind)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        kind = t switch
        {
            _ when t == typeof(string) => LanceValueKind.String,
            _ when t == typeof(bool) => LanceValueKind.Boolean,
            _ when t == typeof(sbyte) => LanceValueKind.Int8,
            _ when t == typeof(short) => LanceValueKind.Int16,
            _ when t == typeof(int) => LanceValueKind.Int32,
            _ when t == typeof(long) => LanceValueKind.Int64,
            _ when t == typeof(byte) => LanceValueKind.UInt8,
            _ when t == typeof(ushort) => LanceValueKind.UInt16,
            _ when t == typeof(uint) => LanceValueKind.UInt32,
            _ when t == typeof(ulong) => LanceValueKind.UInt64,
            _ when t == typeof(float) => LanceValueKind.Float,
            _ when t == typeof(double) => LanceValueKind.Double,
            _ when t == typeof(decimal) => LanceValueKind.Decimal,
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => LanceValueKind.Timestamp,
            _ when t == typeof(DateOnly) => LanceValueKind.Date,
            _ when t == typeof(Guid) => LanceValueKind.Guid,
            _ when t == typeof(byte[]) => LanceValueKind.Binary,
            _ when t == typeof(string[]) || t == typeof(List<string>) => LanceValueKind.StringList,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>The storage kind of a data or key property type.</summary>
    /// <exception cref="NotSupportedException">The type has no LanceDB column type.</exception>
    public static LanceValueKind DataKind(Type type) =>
        TryGetDataKind(type, out var kind) ? kind.Value : throw new NotSupportedException($"Type '{type.Name}' has no LanceDB column type; supported: {SupportedDataTypes}.");
}
