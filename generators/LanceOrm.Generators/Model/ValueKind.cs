namespace LanceOrm.Generators.Model;

/// <summary>
/// How a property is stored in Arrow. Mirrors <c>LanceOrm.Mapping.LanceValueKind</c> member for member (the emitter
/// writes <c>global::LanceOrm.Mapping.LanceValueKind.{name}</c>).
/// </summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float,
    Double,
    Decimal,
    Timestamp,
    Date,
    Guid,
    Binary,
    Enum,
    StringList,
    Vector,
}

/// <summary>The CLR shape behind a <see cref="ValueKind"/> where several CLR types share one Arrow type.</summary>
internal enum ClrShape
{
    /// <summary>The only CLR type of its kind (string, bool, int, ...).</summary>
    Plain,
    /// <summary><c>System.DateTime</c> (kind <see cref="ValueKind.Timestamp"/>).</summary>
    DateTime,
    /// <summary><c>System.DateTimeOffset</c> (kind <see cref="ValueKind.Timestamp"/>).</summary>
    DateTimeOffset,
    /// <summary><c>T[]</c> (string lists, float vectors).</summary>
    Array,
    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,
    /// <summary>A read-only interface (<c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>, ...) materialised as an array.</summary>
    ReadOnlyInterface,
    /// <summary>A mutable interface (<c>IList&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>) materialised as a <c>List&lt;T&gt;</c>.</summary>
    MutableInterface,
    /// <summary><c>ReadOnlyMemory&lt;float&gt;</c> (vectors) or <c>ReadOnlyMemory&lt;byte&gt;</c> (kind <see cref="ValueKind.Binary"/>).</summary>
    ReadOnlyMemory,
    /// <summary><c>System.IO.FileInfo</c> (kind <see cref="ValueKind.String"/>): the path as given, read back as a new <c>FileInfo</c>.</summary>
    FileInfo,
}
