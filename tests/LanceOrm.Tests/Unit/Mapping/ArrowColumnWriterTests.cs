using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Tests.Unit.Mapping;

/// <summary>The generated code's write helpers, on the cases the generated round trips do not reach.</summary>
public sealed class ArrowColumnWriterTests
{
    private sealed class Row
    {
        public string? Text { get; set; }
        public IEnumerable<string?>? Items { get; set; }
        public decimal Price { get; set; }
        public decimal? OptionalPrice { get; set; }
        public float[]? Vector { get; set; }
        public ReadOnlyMemory<float>? Memory { get; set; }
        public int? Number { get; set; }
        public DateTime When { get; set; }
        public Guid Id { get; set; }
    }

    private static readonly LanceColumnInfo RequiredText = new("Text", "text", LanceValueKind.String, false);
    private static readonly LanceColumnInfo OptionalText = new("Text", "text", LanceValueKind.String, true);
    private static readonly LanceColumnInfo RequiredItems = new("Items", "items", LanceValueKind.StringList, false);
    private static readonly LanceColumnInfo OptionalItems = new("Items", "items", LanceValueKind.StringList, true);
    private static readonly LanceColumnInfo Price = new("Price", "price", LanceValueKind.Decimal, false);
    private static readonly LanceColumnInfo Vector3 = new("Vector", "vec", LanceValueKind.Vector, true, VectorDimensions: 3);

    private static IEnumerable<string?> Lazily(params string?[] items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    [Fact]
    public void A_null_string_in_a_non_nullable_column_names_the_row_property_column_and_table()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ArrowColumnWriter.String<Row>([new() { Text = "a" }, new() { Text = null }], RequiredText, "things", static r => r.Text));

        Assert.Equal("entities", error.ParamName);
        Assert.StartsWith("entities[1].Text is null, but column 'text' of table 'things' is not nullable.", error.Message);
    }

    [Fact]
    public void A_null_string_in_a_nullable_column_is_a_null_cell()
    {
        var array = (StringArray)ArrowColumnWriter.String<Row>([new() { Text = "a" }, new() { Text = null }], OptionalText, "things", static r => r.Text);

        Assert.Equal("a", array.GetString(0));
        Assert.True(array.IsNull(1));
        Assert.Equal(1, array.NullCount);
    }

    [Fact]
    public void String_lists_keep_null_lists_empty_lists_and_null_items_apart_for_lists_and_lazy_sequences()
    {
        Row[] rows = [new() { Items = null }, new() { Items = [] }, new() { Items = new List<string?> { "x", null } }, new() { Items = Lazily("y", null, "z") }];

        var array = (ListArray)ArrowColumnWriter.StringList(rows, OptionalItems, "things", static r => r.Items);

        Assert.True(array.IsNull(0));
        Assert.False(array.IsNull(1));
        Assert.Equal(0, array.GetValueLength(1));
        var values = (StringArray)array.Values;
        Assert.Equal(["x", null], Enumerable.Range(array.ValueOffsets[2], 2).Select(i => values.GetString(i)));
        Assert.Equal(["y", null, "z"], Enumerable.Range(array.ValueOffsets[3], 3).Select(i => values.GetString(i)));
    }

    [Fact]
    public void A_null_list_in_a_non_nullable_column_is_an_error_naming_row_property_and_column()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ArrowColumnWriter.StringList<Row>([new() { Items = null }], RequiredItems, "things", static r => r.Items));

        Assert.StartsWith("entities[0].Items is null, but column 'items' of table 'things' is not nullable.", error.Message);
    }

    [Fact]
    public void A_decimal_with_more_than_nine_fractional_digits_is_an_error_and_is_never_rounded()
    {
        Row[] rows = [new() { Price = 1.5m }, new() { Price = 0.0000000001m }];

        var error = Assert.Throws<ArgumentException>(() => ArrowColumnWriter.Decimal(rows, Price, static r => r.Price));

        Assert.Equal("entities", error.ParamName);
        Assert.StartsWith("entities[1].Price has more than 9 fractional digits; column 'price' is decimal128(38, 9) and would round it.", error.Message);
    }

    [Fact]
    public void Decimals_with_trailing_zeros_and_nulls_are_written_exactly()
    {
        Row[] rows = [new() { OptionalPrice = 1.500000000000m }, new() { OptionalPrice = null }, new() { OptionalPrice = -79228162514.264337593m }];

        var array = (Decimal128Array)ArrowColumnWriter.Decimal(rows, Price, static r => r.OptionalPrice);

        Assert.Equal(new Decimal128Type(38, 9).Scale, ((Decimal128Type)array.Data.DataType).Scale);
        Assert.Equal(1.5m, array.GetValue(0));
        Assert.Null(array.GetValue(1));
        Assert.Equal(-79228162514.264337593m, array.GetValue(2));
    }

    [Fact]
    public void A_vector_of_the_wrong_dimension_is_an_error_naming_row_property_and_column()
    {
        Row[] rows = [new() { Vector = [1, 2, 3] }, new() { Vector = [1, 2] }];

        var error = Assert.Throws<ArgumentException>(() => ArrowColumnWriter.Vector(rows, Vector3, static r => r.Vector));

        Assert.Equal("entities", error.ParamName);
        Assert.StartsWith("entities[1].Vector has 2 dimensions; column 'vec' holds 3.", error.Message);
    }

    [Fact]
    public void Null_and_empty_vectors_are_null_cells_that_keep_later_rows_aligned()
    {
        Row[] rows = [new() { Memory = null }, new() { Memory = ReadOnlyMemory<float>.Empty }, new() { Memory = new float[] { 7, 8, 9 } }];

        var array = (FixedSizeListArray)ArrowColumnWriter.Vector(rows, Vector3, static r => r.Memory);

        Assert.Equal(3, array.Length);
        Assert.Equal(2, array.NullCount);
        Assert.True(array.IsNull(0));
        Assert.True(array.IsNull(1));
        Assert.Equal(3, ((FixedSizeListType)array.Data.DataType).ListSize);
        Assert.Equal([7f, 8f, 9f], ((FloatArray)array.Values).Values.Slice(6, 3).ToArray());
    }

    [Fact]
    public void Embedding_vectors_are_sliced_per_row_and_a_null_source_text_gets_a_null_vector()
    {
        var binding = new EmbeddingBinding<Row>("Text", "text", "vector", "fn", 2, static r => r.Text);
        Row[] rows = [new() { Text = "a" }, new() { Text = null }, new() { Text = "c" }];

        var array = (FixedSizeListArray)ArrowColumnWriter.Embedding(rows, new float[] { 1, 2, 3, 4, 5, 6 }, binding);

        Assert.False(array.IsNull(0));
        Assert.True(array.IsNull(1));
        Assert.Equal([1f, 2f, 0f, 0f, 5f, 6f], ((FloatArray)array.Values).Values.ToArray());
    }

    [Fact]
    public void Nullable_numbers_write_nulls_and_values()
    {
        var array = (Int32Array)ArrowColumnWriter.Int32<Row>([new() { Number = 5 }, new() { Number = null }], static r => r.Number);

        Assert.Equal(5, array.GetValue(0));
        Assert.Null(array.GetValue(1));
    }

    [Fact]
    public void Local_date_times_are_converted_to_utc_and_unspecified_ones_taken_as_utc()
    {
        var local = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Unspecified);

        var array = (TimestampArray)ArrowColumnWriter.Timestamp<Row>([new() { When = local }, new() { When = unspecified }], static r => r.When);

        Assert.Equal(local.ToUniversalTime(), array.GetTimestamp(0)!.Value.UtcDateTime);
        Assert.Equal(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc), array.GetTimestamp(1)!.Value.UtcDateTime);
        Assert.Equal("UTC", ((TimestampType)array.Data.DataType).Timezone);
    }

    [Fact]
    public void Guids_are_written_lower_case_in_D_format()
    {
        var id = Guid.Parse("6F9619FF-8B86-D011-B42D-00CF4FC964FF");

        var array = (StringArray)ArrowColumnWriter.Guid<Row>([new() { Id = id }], static r => r.Id);

        Assert.Equal("6f9619ff-8b86-d011-b42d-00cf4fc964ff", array.GetString(0));
    }

    [Fact]
    public void A_batch_check_rejects_null_entities_and_vector_buffers_that_do_not_match_the_embeddings()
    {
        var binding = new EmbeddingBinding<Row>("Text", "text", "vector", "fn", 2, static r => r.Text);

        var nullRow = Assert.Throws<ArgumentException>(() => ArrowColumnWriter.CheckBatch<Row>([new(), null!], [], "Row", []));
        var wrongCount = Assert.Throws<ArgumentException>(() => ArrowColumnWriter.CheckBatch<Row>([new()], [], "Row", [binding]));
        var shortBuffer = Assert.Throws<ArgumentException>(() => ArrowColumnWriter.CheckBatch<Row>([new(), new()], [new float[3]], "Row", [binding]));

        Assert.StartsWith("entities[1] is null.", nullRow.Message);
        Assert.Equal("entities", nullRow.ParamName);
        Assert.StartsWith("Row has 1 embedded properties (Text -> vector) but 0 vector buffers were given.", wrongCount.Message);
        Assert.StartsWith("The vector buffer of Text (column 'vector') holds 3 floats; 2 rows of 2 dimensions need 4.", shortBuffer.Message);
        Assert.Equal("embeddingVectors", shortBuffer.ParamName);
        Assert.Equal(2, ArrowColumnWriter.CheckBatch<Row>([new(), new()], [new float[4]], "Row", [binding]));
    }
}
