namespace LanceOrm.Generators.Model;

/// <summary>
/// A read-only property bound to a column the server adds to search results (<c>_distance</c>, <c>_score</c>,
/// <c>_relevance_score</c>, <c>_rowid</c>) with <c>[Column("_distance")]</c>: read by <c>ReadBatch</c>, never written.
/// </summary>
/// <param name="Name">The property name.</param>
/// <param name="ColumnName">The server column.</param>
/// <param name="TypeName">The fully qualified CLR type (float, double, long, ulong or their nullable forms).</param>
/// <param name="Kind">The numeric kind of the property (<see cref="ValueKind.Float"/>, <see cref="ValueKind.Double"/>, <see cref="ValueKind.Int64"/>, <see cref="ValueKind.UInt64"/>).</param>
/// <param name="IsNullable">Whether the property is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="SetInInitializer">Whether the property must be set in an object initializer.</param>
internal sealed record SearchExtraSpec(string Name, string ColumnName, string TypeName, ValueKind Kind, bool IsNullable, bool SetInInitializer);
