using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Tests.Unit.Mapping;

/// <summary>The generated code's read helpers: column lookup with type checks, and cell conversions.</summary>
public sealed class ArrowColumnReaderTests
{
    private static readonly LanceColumnInfo Text = new("Text", "text", LanceValueKind.String, false);
    private static readonly LanceColumnInfo Tags = new("Tags", "tags", LanceValueKind.StringList, false);
    private static readonly LanceColumnInfo Vector3 = new("Vector", "vec", LanceValueKind.Vector, true, VectorDimensions: 3);

    private static RecordBatch Batch(string name, IArrowArray array) =>
        new(new Schema.Builder().Field(new Field(name, array.Data.DataType, true)).Build(), [array], array.Length);

    private static ListArray StringLists(params string?[]?[] rows)
    {
        var builder = new ListArray.Builder(StringType.Default);
        var values = (StringArray.Builder)builder.ValueBuilder;
        foreach (var row in rows)
        {
            if (row is null)
            {
                builder.AppendNull();
                continue;
            }

            builder.Append();
            foreach (var item in row)
            {
                if (item is null)
                {
                    values.AppendNull();
                }
                else
                {
                    values.Append(item);
                }
            }
        }

        return builder.Build();
    }

    private static FixedSizeListArray Vectors(int dimensions, params float[]?[] rows)
    {
        var values = new FloatArray.Builder();
        var validity = new ArrowBuffer.BitmapBuilder();
        var nulls = 0;
        foreach (var row in rows)
        {
            validity.Append(row is not null);
            nulls += row is null ? 1 : 0;
            values.AppendRange(row ?? new float[dimensions]);
        }

        return new FixedSizeListArray(LanceArrowTypes.Vector(dimensions), rows.Length, values.Build(), validity.Build(), nulls, 0);
    }

    [Fact]
    public void An_absent_column_is_found_as_null_so_a_projection_leaves_the_property_alone()
    {
        var reader = new ArrowBatchReader(Batch("other", new Int32Array.Builder().Append(1).Build()), "things", "Thing");

        Assert.Null(reader.Find<StringArray>(Text));
        Assert.Null(reader.FindVector(Vector3));
        Assert.Equal(1, reader.Length);
    }

    [Fact]
    public void A_column_of_another_arrow_type_is_an_error_naming_column_table_entity_and_both_types()
    {
        var reader = new ArrowBatchReader(Batch("text", new Int32Array.Builder().Append(1).Build()), "things", "Thing");

        var error = Assert.Throws<InvalidOperationException>(() => reader.Find<StringArray>(Text));

        Assert.Equal("Column 'text' of table 'things' holds int32; Thing maps it as utf8.", error.Message);
    }

    [Fact]
    public void A_list_column_whose_items_are_not_utf8_is_an_error()
    {
        var ints = new ListArray.Builder(Int32Type.Default);
        ints.Append();
        ((Int32Array.Builder)ints.ValueBuilder).Append(1);
        var reader = new ArrowBatchReader(Batch("tags", ints.Build()), "things", "Thing");

        var error = Assert.Throws<InvalidOperationException>(() => reader.Find<ListArray>(Tags));

        Assert.Equal("Column 'tags' of table 'things' holds list; Thing maps it as list<utf8>.", error.Message);
    }

    [Fact]
    public void A_vector_column_of_another_dimension_is_an_error_naming_the_expected_dimension()
    {
        var reader = new ArrowBatchReader(Batch("vec", Vectors(2, [1, 2])), "things", "Thing");

        var error = Assert.Throws<InvalidOperationException>(() => reader.FindVector(Vector3));

        Assert.Equal("Column 'vec' of table 'things' holds fixed_size_list; Thing maps it as fixed_size_list<float32>[3].", error.Message);
    }

    [Fact]
    public void A_null_batch_is_an_argument_null_error()
    {
        Assert.Throws<ArgumentNullException>("batch", () => new ArrowBatchReader(null!, "things", "Thing"));
    }

    [Fact]
    public void String_lists_read_null_cells_as_null_empty_lists_as_empty_and_null_items_as_empty_or_null()
    {
        var lists = StringLists(null, [], ["a", null]);

        Assert.Null(ArrowColumnReader.GetStringArray(lists, 0));
        Assert.Null(ArrowColumnReader.GetStringList(lists, 0));
        Assert.Empty(ArrowColumnReader.GetStringArray(lists, 1)!);
        Assert.Empty(ArrowColumnReader.GetNullableStringList(lists, 1)!);
        Assert.Equal(new[] { "a", "" }, ArrowColumnReader.GetStringArray(lists, 2)!);
        Assert.Equal(new[] { "a", "" }, ArrowColumnReader.GetStringList(lists, 2)!);
        Assert.Equal(new[] { "a", null }, ArrowColumnReader.GetNullableStringArray(lists, 2)!.AsEnumerable());
        Assert.Equal(new[] { "a", null }, ArrowColumnReader.GetNullableStringList(lists, 2)!.AsEnumerable());
    }

    [Fact]
    public void Vectors_read_null_cells_as_null_and_copy_values_of_a_sliced_array()
    {
        var vectors = (FixedSizeListArray)Vectors(2, [1, 2], null, [5, 6]).Slice(1, 2);

        Assert.Null(ArrowColumnReader.GetVectorArray(vectors, 0));
        Assert.Null(ArrowColumnReader.GetVectorMemory(vectors, 0));
        Assert.Equal([5f, 6f], ArrowColumnReader.GetVectorArray(vectors, 1)!);
        Assert.Equal([5f, 6f], ArrowColumnReader.GetVectorMemory(vectors, 1)!.Value.ToArray());
    }

    [Fact]
    public void Guids_bytes_enums_and_timestamps_convert_and_null_cells_read_as_null()
    {
        var strings = new StringArray.Builder().Append("6f9619ff-8b86-d011-b42d-00cf4fc964ff").AppendNull().Append("Friday").Build();
        var bytes = new BinaryArray.Builder().Append([1, 2]).AppendNull().Build();
        var times = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, "UTC")).Append(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)).Build();

        Assert.Equal(Guid.Parse("6F9619FF-8B86-D011-B42D-00CF4FC964FF"), ArrowColumnReader.GetGuid(strings, 0));
        Assert.Null(ArrowColumnReader.GetGuid(strings, 1));
        Assert.Equal(DayOfWeek.Friday, ArrowColumnReader.GetEnum(strings, 2, static text => Enum.Parse<DayOfWeek>(text)));
        Assert.Null(ArrowColumnReader.GetEnum(strings, 1, static text => Enum.Parse<DayOfWeek>(text)));
        Assert.Equal(new byte[] { 1, 2 }, ArrowColumnReader.GetBytes(bytes, 0));
        Assert.Null(ArrowColumnReader.GetBytes(bytes, 1));
        var time = ArrowColumnReader.GetUtcDateTime(times, 0)!.Value;
        Assert.Equal(DateTimeKind.Utc, time.Kind);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), time);
    }

    [Fact]
    public void Search_extras_accept_float_or_double_scores_and_signed_or_unsigned_row_ids()
    {
        Assert.Equal(0.5, ArrowColumnReader.GetReal(new FloatArray.Builder().Append(0.5f).Build(), 0));
        Assert.Equal(0.25, ArrowColumnReader.GetReal(new DoubleArray.Builder().Append(0.25).Build(), 0));
        Assert.Null(ArrowColumnReader.GetReal(new Int32Array.Builder().Append(1).Build(), 0));
        Assert.Equal(ulong.MaxValue, ArrowColumnReader.GetRowId(new Int64Array.Builder().Append(-1).Build(), 0));
        Assert.Equal(7UL, ArrowColumnReader.GetRowId(new UInt64Array.Builder().Append(7).Build(), 0));
        Assert.Null(ArrowColumnReader.GetRowId(null, 0));
    }
}
