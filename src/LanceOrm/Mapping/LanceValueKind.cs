namespace LanceOrm.Mapping;

/// <summary>How a property's value is stored in Arrow; drives filter literals and schema validation.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum LanceValueKind
{
    /// <summary><c>utf8</c>.</summary>
    String,
    /// <summary><c>bool</c>.</summary>
    Boolean,
    /// <summary><c>int8</c>.</summary>
    Int8,
    /// <summary><c>int16</c>.</summary>
    Int16,
    /// <summary><c>int32</c>.</summary>
    Int32,
    /// <summary><c>int64</c>.</summary>
    Int64,
    /// <summary><c>uint8</c>.</summary>
    UInt8,
    /// <summary><c>uint16</c>.</summary>
    UInt16,
    /// <summary><c>uint32</c>.</summary>
    UInt32,
    /// <summary><c>uint64</c>.</summary>
    UInt64,
    /// <summary><c>float</c> (float32).</summary>
    Float,
    /// <summary><c>double</c> (float64).</summary>
    Double,
    /// <summary><c>decimal128(38, 9)</c>.</summary>
    Decimal,
    /// <summary><c>timestamp[us, UTC]</c> (DateTime, DateTimeOffset).</summary>
    Timestamp,
    /// <summary><c>date32</c> (DateOnly).</summary>
    Date,
    /// <summary><c>utf8</c> holding the canonical lower-case "D" format of a Guid.</summary>
    Guid,
    /// <summary><c>binary</c> (byte[]).</summary>
    Binary,
    /// <summary><c>utf8</c> holding the enum member's name.</summary>
    Enum,
    /// <summary><c>list&lt;utf8&gt;</c> (string lists and arrays).</summary>
    StringList,
    /// <summary><c>fixed_size_list&lt;float32&gt;[n]</c>.</summary>
    Vector,
}
