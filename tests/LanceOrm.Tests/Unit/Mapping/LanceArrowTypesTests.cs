using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Tests.Unit.Mapping;

/// <summary>The type mapping every generated schema is built from.</summary>
public sealed class LanceArrowTypesTests
{
    [Theory]
    [InlineData(LanceValueKind.String, "utf8")]
    [InlineData(LanceValueKind.Guid, "utf8")]
    [InlineData(LanceValueKind.Enum, "utf8")]
    [InlineData(LanceValueKind.Boolean, "bool")]
    [InlineData(LanceValueKind.Int8, "int8")]
    [InlineData(LanceValueKind.UInt64, "uint64")]
    [InlineData(LanceValueKind.Float, "float")]
    [InlineData(LanceValueKind.Double, "double")]
    [InlineData(LanceValueKind.Decimal, "decimal128")]
    [InlineData(LanceValueKind.Timestamp, "timestamp")]
    [InlineData(LanceValueKind.Date, "date32")]
    [InlineData(LanceValueKind.Binary, "binary")]
    [InlineData(LanceValueKind.StringList, "list")]
    public void Each_value_kind_has_its_decided_arrow_type(LanceValueKind kind, string arrowName)
    {
        Assert.Equal(arrowName, LanceArrowTypes.For(new LanceColumnInfo("P", "p", kind, false)).Name);
    }

    [Fact]
    public void The_schema_keeps_column_order_nullability_parameters_and_embedding_metadata()
    {
        LanceColumnInfo[] columns =
        [
            new("Id", "id", LanceValueKind.String, false, IsKey: true),
            new("Price", "price", LanceValueKind.Decimal, true),
            new("When", "when", LanceValueKind.Timestamp, false),
            new("Tags", "tags", LanceValueKind.StringList, false),
            new("", "vector", LanceValueKind.Vector, true, VectorDimensions: 384),
        ];

        var schema = LanceArrowTypes.CreateSchema(columns, "[]");

        Assert.Equal(["id", "price", "when", "tags", "vector"], schema.FieldsList.Select(f => f.Name));
        Assert.Equal([false, true, false, false, true], schema.FieldsList.Select(f => f.IsNullable));
        Assert.Equal((38, 9), schema.GetFieldByName("price").DataType is Decimal128Type d ? (d.Precision, d.Scale) : default);
        Assert.Equal((TimeUnit.Microsecond, "UTC"), schema.GetFieldByName("when").DataType is TimestampType t ? (t.Unit, t.Timezone) : default);
        var item = ((ListType)schema.GetFieldByName("tags").DataType).ValueField;
        Assert.Equal(("item", true, "utf8"), (item.Name, item.IsNullable, item.DataType.Name));
        var vector = (FixedSizeListType)schema.GetFieldByName("vector").DataType;
        Assert.Equal((384, "item", "float"), (vector.ListSize, vector.ValueField.Name, vector.ValueField.DataType.Name));
        Assert.Equal("[]", schema.Metadata[LanceArrowTypes.EmbeddingFunctionsKey]);
        Assert.False(LanceArrowTypes.CreateSchema(columns, null).HasMetadata);
    }

    [Fact]
    public void A_vector_column_without_a_dimension_has_no_arrow_type()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LanceArrowTypes.For(new LanceColumnInfo("V", "v", LanceValueKind.Vector, true)));

        Assert.Contains("'v'", error.Message);
    }

    [Fact]
    public void Display_names_are_the_ones_error_messages_use()
    {
        Assert.Equal("decimal128(38, 9)", LanceArrowTypes.DisplayName(new("P", "p", LanceValueKind.Decimal, false)));
        Assert.Equal("timestamp[us, tz=UTC]", LanceArrowTypes.DisplayName(new("P", "p", LanceValueKind.Timestamp, false)));
        Assert.Equal("fixed_size_list<float32>[7]", LanceArrowTypes.DisplayName(new("P", "p", LanceValueKind.Vector, true, VectorDimensions: 7)));
    }
}
