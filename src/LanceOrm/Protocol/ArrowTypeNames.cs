using System.Globalization;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace LanceOrm.Protocol;

/// <summary>
/// Arrow types as LanceDB's JSON schema spells them (<c>string</c>, <c>int32</c>, <c>timestamp:us:UTC</c>,
/// <c>fixed_size_list</c> + <c>length</c> …), so the generated schema and a described one can be compared.
/// </summary>
internal static class ArrowTypeNames
{
    /// <summary>The LanceDB type string of an Arrow type (nested types as <c>list&lt;…&gt;</c> / <c>fixed_size_list&lt;…&gt;[n]</c>).</summary>
    public static string Describe(IArrowType type) => type switch
    {
        StringType => "string",
        LargeStringType => "large_string",
        BooleanType => "bool",
        Int8Type => "int8",
        Int16Type => "int16",
        Int32Type => "int32",
        Int64Type => "int64",
        UInt8Type => "uint8",
        UInt16Type => "uint16",
        UInt32Type => "uint32",
        UInt64Type => "uint64",
        HalfFloatType => "halffloat",
        FloatType => "float",
        DoubleType => "double",
        BinaryType => "binary",
        Date32Type => "date32:day",
        Date64Type => "date64:ms",
        Decimal128Type d => string.Create(CultureInfo.InvariantCulture, $"decimal:128:{d.Precision}:{d.Scale}"),
        Decimal256Type d => string.Create(CultureInfo.InvariantCulture, $"decimal:256:{d.Precision}:{d.Scale}"),
        TimestampType t => $"timestamp:{Unit(t.Unit)}:{(string.IsNullOrEmpty(t.Timezone) ? "-" : t.Timezone)}",
        FixedSizeListType f => string.Create(CultureInfo.InvariantCulture, $"fixed_size_list<{Describe(f.ValueDataType)}>[{f.ListSize}]"),
        ListType l => $"list<{Describe(l.ValueDataType)}>",
        _ => type.Name.ToLowerInvariant(),
    };

    /// <summary>The LanceDB type string of a JSON-schema field type (<c>{"type":…, "fields"?:…, "length"?:…}</c>).</summary>
    public static string Describe(JsonNode? type)
    {
        var name = type?["type"]?.GetValue<string>() ?? "?";
        var child = type?["fields"]?.AsArray().FirstOrDefault()?["type"];
        return name switch
        {
            "fixed_size_list" => string.Create(CultureInfo.InvariantCulture, $"fixed_size_list<{Describe(child)}>[{Integer(type?["length"])}]"),
            "list" or "large_list" => $"{name}<{Describe(child)}>",
            "utf8" => "string",
            "large_utf8" => "large_string",
            "boolean" => "bool",
            "float32" => "float",
            "float64" => "double",
            _ => NormalizeTimestamp(name),
        };
    }

    /// <summary>
    /// The JSON data type LanceDB's <c>alter_columns</c> reads (<c>{"type": "int64"}</c>; lists and vectors with their item
    /// field in <c>fields</c> and a vector's <c>length</c>), as the official Node client writes it.
    /// </summary>
    public static JsonObject ToJson(IArrowType type) => type switch
    {
        FixedSizeListType f => new JsonObject
        {
            ["type"] = "fixed_size_list",
            ["fields"] = new JsonArray(FieldJson(f.ValueField)),
            ["length"] = f.ListSize,
        },
        ListType l => new JsonObject { ["type"] = "list", ["fields"] = new JsonArray(FieldJson(l.ValueField)) },
        _ => new JsonObject { ["type"] = Describe(type) },
    };

    /// <summary>
    /// The name DataFusion's <c>arrow_cast(value, 'name')</c> reads (<c>Int32</c>, <c>Utf8</c>,
    /// <c>Timestamp(Microsecond, Some("UTC"))</c>, <c>FixedSizeList(384, Float32)</c> …), so an <c>add_columns</c>
    /// expression yields exactly the mapped type.
    /// </summary>
    public static string CastName(IArrowType type) => type switch
    {
        StringType => "Utf8",
        LargeStringType => "LargeUtf8",
        BooleanType => "Boolean",
        Int8Type => "Int8",
        Int16Type => "Int16",
        Int32Type => "Int32",
        Int64Type => "Int64",
        UInt8Type => "UInt8",
        UInt16Type => "UInt16",
        UInt32Type => "UInt32",
        UInt64Type => "UInt64",
        HalfFloatType => "Float16",
        FloatType => "Float32",
        DoubleType => "Float64",
        BinaryType => "Binary",
        Date32Type => "Date32",
        Date64Type => "Date64",
        Decimal128Type d => string.Create(CultureInfo.InvariantCulture, $"Decimal128({d.Precision}, {d.Scale})"),
        Decimal256Type d => string.Create(CultureInfo.InvariantCulture, $"Decimal256({d.Precision}, {d.Scale})"),
        TimestampType t => $"Timestamp({t.Unit}, {(string.IsNullOrEmpty(t.Timezone) ? "None" : $"Some(\"{t.Timezone}\")")})",
        FixedSizeListType f => string.Create(CultureInfo.InvariantCulture, $"FixedSizeList({f.ListSize}, {CastName(f.ValueDataType)})"),
        ListType l => $"List({CastName(l.ValueDataType)})",
        _ => throw new NotSupportedException($"Arrow type {type.Name} has no arrow_cast name."),
    };

    /// <summary>The dimension of a vector type string, or null.</summary>
    public static int? VectorLength(JsonNode? type) =>
        type?["type"]?.GetValue<string>() == "fixed_size_list" ? (int?)Integer(type["length"]) : null;

    /// <summary>An integer JSON value whatever its CLR backing (parsed or built), or null.</summary>
    public static long? Integer(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<long>(out var l) || (value.TryGetValue<int>(out var i) && (l = i) == i)) ? l
        : node is JsonValue element && element.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.TryGetInt64(out var parsed) ? parsed
        : null;

    private static JsonObject FieldJson(Field field) =>
        new() { ["name"] = field.Name, ["type"] = ToJson(field.DataType), ["nullable"] = field.IsNullable };

    private static string NormalizeTimestamp(string name)
    {
        // Accept "timestamp:us:UTC", "timestamp:us:+00:00" and "timestamp:us:Etc/UTC" as the same instant type.
        if (!name.StartsWith("timestamp:", StringComparison.Ordinal))
        {
            return name;
        }

        var parts = name.Split(':', 3);
        if (parts.Length == 3 && parts[2] is "+00:00" or "Etc/UTC" or "Z" or "utc")
        {
            return $"timestamp:{parts[1]}:UTC";
        }

        return name;
    }

    private static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "s",
        TimeUnit.Millisecond => "ms",
        TimeUnit.Microsecond => "us",
        _ => "ns",
    };
}
