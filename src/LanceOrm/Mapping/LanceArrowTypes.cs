using System.ComponentModel;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace LanceOrm.Mapping;

/// <summary>
/// The Arrow type of each <see cref="LanceValueKind"/> (the type mapping in <c>generators/README.md</c>) and the schema
/// of a generated map. Support API of the generated code: generated maps build their schema with
/// <see cref="CreateSchema(IReadOnlyList{LanceColumnInfo}, string?, string?)"/>; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LanceArrowTypes
{
    /// <summary>The schema metadata key holding the embedding functions (a JSON array).</summary>
    public const string EmbeddingFunctionsKey = "embedding_functions";

    /// <summary>
    /// The schema metadata key holding the embedding functions the official LanceDB clients do not know (image
    /// functions such as <c>resnet18</c>), in the same JSON form. They are kept out of <see cref="EmbeddingFunctionsKey"/>
    /// because both official clients re-create every function listed there whenever they embed (a text search, an
    /// <c>add</c>), and fail on a name missing from their registry: listed apart, the table keeps its text functions
    /// working in those clients, and its image vectors stay an ordinary vector column for them.
    /// </summary>
    public const string LanceOrmEmbeddingFunctionsKey = "lanceorm_embedding_functions";

    /// <summary>The Arrow type storing <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown, or a vector column has no positive dimension.</exception>
    public static IArrowType For(LanceColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            LanceValueKind.String or LanceValueKind.Guid or LanceValueKind.Enum => StringType.Default,
            LanceValueKind.Boolean => BooleanType.Default,
            LanceValueKind.Int8 => Int8Type.Default,
            LanceValueKind.Int16 => Int16Type.Default,
            LanceValueKind.Int32 => Int32Type.Default,
            LanceValueKind.Int64 => Int64Type.Default,
            LanceValueKind.UInt8 => UInt8Type.Default,
            LanceValueKind.UInt16 => UInt16Type.Default,
            LanceValueKind.UInt32 => UInt32Type.Default,
            LanceValueKind.UInt64 => UInt64Type.Default,
            LanceValueKind.Float => FloatType.Default,
            LanceValueKind.Double => DoubleType.Default,
            LanceValueKind.Decimal => new Decimal128Type(38, 9),
            LanceValueKind.Timestamp => new TimestampType(TimeUnit.Microsecond, "UTC"),
            LanceValueKind.Date => Date32Type.Default,
            LanceValueKind.Binary => BinaryType.Default,
            LanceValueKind.StringList => new ListType(new Field("item", StringType.Default, true)),
            LanceValueKind.Vector when column.VectorDimensions > 0 => Vector(column.VectorDimensions),
            _ => throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.ColumnName}' has kind {column.Kind} with {column.VectorDimensions} dimensions, which has no Arrow type."),
        };
    }

    /// <summary><c>fixed_size_list&lt;float32&gt;[dimensions]</c> with a nullable item field <c>item</c>.</summary>
    public static FixedSizeListType Vector(int dimensions) => new(new Field("item", FloatType.Default, true), dimensions);

    /// <summary>The Arrow type name used in error messages (<c>utf8</c>, <c>decimal128(38, 9)</c>, <c>list&lt;utf8&gt;</c> …).</summary>
    public static string DisplayName(LanceColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            LanceValueKind.String or LanceValueKind.Guid or LanceValueKind.Enum => "utf8",
            LanceValueKind.Boolean => "bool",
            LanceValueKind.Int8 => "int8",
            LanceValueKind.Int16 => "int16",
            LanceValueKind.Int32 => "int32",
            LanceValueKind.Int64 => "int64",
            LanceValueKind.UInt8 => "uint8",
            LanceValueKind.UInt16 => "uint16",
            LanceValueKind.UInt32 => "uint32",
            LanceValueKind.UInt64 => "uint64",
            LanceValueKind.Float => "float32",
            LanceValueKind.Double => "float64",
            LanceValueKind.Decimal => "decimal128(38, 9)",
            LanceValueKind.Timestamp => "timestamp[us, tz=UTC]",
            LanceValueKind.Date => "date32",
            LanceValueKind.Binary => "binary",
            LanceValueKind.StringList => "list<utf8>",
            LanceValueKind.Vector => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fixed_size_list<float32>[{column.VectorDimensions}]"),
            _ => column.Kind.ToString(),
        };
    }

    /// <summary>
    /// The schema of <paramref name="columns"/> in order (field nullable exactly when the column is), with
    /// <see cref="EmbeddingFunctionsKey"/> metadata when <paramref name="embeddingFunctionsJson"/> is given.
    /// </summary>
    public static Schema CreateSchema(IReadOnlyList<LanceColumnInfo> columns, string? embeddingFunctionsJson) =>
        CreateSchema(columns, embeddingFunctionsJson, null);

    /// <summary>
    /// The schema of <paramref name="columns"/> in order, with <see cref="EmbeddingFunctionsKey"/> metadata when
    /// <paramref name="embeddingFunctionsJson"/> is given and <see cref="LanceOrmEmbeddingFunctionsKey"/> metadata when
    /// <paramref name="lanceOrmEmbeddingFunctionsJson"/> is given.
    /// </summary>
    public static Schema CreateSchema(IReadOnlyList<LanceColumnInfo> columns, string? embeddingFunctionsJson, string? lanceOrmEmbeddingFunctionsJson)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var builder = new Schema.Builder();
        foreach (var column in columns)
        {
            builder.Field(new Field(column.ColumnName, For(column), column.IsNullable));
        }

        if (embeddingFunctionsJson is not null)
        {
            builder.Metadata(EmbeddingFunctionsKey, embeddingFunctionsJson);
        }

        if (lanceOrmEmbeddingFunctionsJson is not null)
        {
            builder.Metadata(LanceOrmEmbeddingFunctionsKey, lanceOrmEmbeddingFunctionsJson);
        }

        return builder.Build();
    }
}
