using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Generators.Tests.RoundTrip;

public sealed class EveryTypeRoundTripTests
{
    private static readonly ILanceEntityMap<EveryTypeRow> Map = EveryTypeRowLanceMap.Instance;

    private static EveryTypeRow Full() => new()
    {
        Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Text = "héllo wörld — 你好 🚀",
        OptionalText = "ünïcödé ✓",
        Flag = true,
        OptionalFlag = false,
        Int8 = sbyte.MinValue,
        Int16 = short.MinValue,
        Int32 = int.MinValue,
        Int64 = long.MinValue,
        UInt8 = byte.MaxValue,
        UInt16 = ushort.MaxValue,
        UInt32 = uint.MaxValue,
        UInt64 = ulong.MaxValue,
        OptionalInt8 = -8,
        OptionalInt16 = -16,
        OptionalInt32 = -32,
        OptionalInt64 = -64,
        OptionalUInt8 = 8,
        OptionalUInt16 = 16,
        OptionalUInt32 = 32,
        OptionalUInt64 = 64,
        Single = 3.25f,
        OptionalSingle = -1.5f,
        Double = Math.PI,
        OptionalDouble = double.MaxValue,
        Price = 12345678901234.123456789m,
        OptionalPrice = -0.000000001m,
        CreatedAt = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234560),
        DeletedAt = new DateTime(1999, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        PublishedAt = new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.FromHours(2)).AddTicks(10),
        ReviewedAt = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero),
        Day = new DateOnly(2024, 2, 29),
        OptionalDay = new DateOnly(1970, 1, 1),
        OptionalGuid = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        Payload = [0, 1, 2, 255],
        OptionalPayload = [42],
        Mood = Mood.Grumpy,
        OptionalMood = Mood.Happy,
        Tags = ["a", "ünïcödé", ""],
        Labels = ["x"],
        Aliases = ["alias-1", "alias-2"],
        OptionalTags = ["t"],
        SparseTags = ["s", null, "t"],
        Embedding = [0.1f, -0.2f, 0.3f],
        Point = new float[] { 1f, 2f },
        OptionalPoint = new float[] { 3f, 4f },
    };

    private static EveryTypeRow Sparse() => new()
    {
        Id = Guid.Parse("11111111-2222-3333-4444-555555555555"),
        Text = "",
        Payload = [],
        Tags = [],
        Labels = [],
        Aliases = [],
        SparseTags = [],
    };

    private static EveryTypeRow RoundTrip(EveryTypeRow row) =>
        Assert.Single(Map.ReadBatch(ArrowIpc.RoundTrip(Map.ToRecordBatch([row], []))));

    [Fact]
    public void Every_supported_type_survives_entity_to_arrow_ipc_to_entity()
    {
        var original = Full();
        var back = RoundTrip(original);

        Assert.Equal(original.Id, back.Id);
        Assert.Equal(original.Text, back.Text);
        Assert.Equal(original.OptionalText, back.OptionalText);
        Assert.Equal(original.Flag, back.Flag);
        Assert.Equal(original.OptionalFlag, back.OptionalFlag);
        Assert.Equal(original.Int8, back.Int8);
        Assert.Equal(original.Int16, back.Int16);
        Assert.Equal(original.Int32, back.Int32);
        Assert.Equal(original.Int64, back.Int64);
        Assert.Equal(original.UInt8, back.UInt8);
        Assert.Equal(original.UInt16, back.UInt16);
        Assert.Equal(original.UInt32, back.UInt32);
        Assert.Equal(original.UInt64, back.UInt64);
        Assert.Equal(original.OptionalInt8, back.OptionalInt8);
        Assert.Equal(original.OptionalInt16, back.OptionalInt16);
        Assert.Equal(original.OptionalInt32, back.OptionalInt32);
        Assert.Equal(original.OptionalInt64, back.OptionalInt64);
        Assert.Equal(original.OptionalUInt8, back.OptionalUInt8);
        Assert.Equal(original.OptionalUInt16, back.OptionalUInt16);
        Assert.Equal(original.OptionalUInt32, back.OptionalUInt32);
        Assert.Equal(original.OptionalUInt64, back.OptionalUInt64);
        Assert.Equal(original.Single, back.Single);
        Assert.Equal(original.OptionalSingle, back.OptionalSingle);
        Assert.Equal(original.Double, back.Double);
        Assert.Equal(original.OptionalDouble, back.OptionalDouble);
        Assert.Equal(original.Price, back.Price);
        Assert.Equal(original.OptionalPrice, back.OptionalPrice);
        Assert.Equal(original.CreatedAt, back.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, back.CreatedAt.Kind);
        Assert.Equal(original.DeletedAt, back.DeletedAt);
        Assert.Equal(original.PublishedAt, back.PublishedAt);
        Assert.Equal(original.ReviewedAt, back.ReviewedAt);
        Assert.Equal(original.Day, back.Day);
        Assert.Equal(original.OptionalDay, back.OptionalDay);
        Assert.Equal(original.OptionalGuid, back.OptionalGuid);
        Assert.Equal(original.Payload, back.Payload);
        Assert.Equal(original.OptionalPayload, back.OptionalPayload);
        Assert.Equal(original.Mood, back.Mood);
        Assert.Equal(original.OptionalMood, back.OptionalMood);
        Assert.Equal(original.Tags, back.Tags);
        Assert.Equal(original.Labels, back.Labels);
        Assert.Equal(original.Aliases, back.Aliases);
        Assert.Equal(original.OptionalTags, back.OptionalTags);
        Assert.Equal(original.SparseTags, back.SparseTags);
        Assert.Equal(original.Embedding, back.Embedding);
        Assert.Equal(original.Point.ToArray(), back.Point.ToArray());
        Assert.Equal(original.OptionalPoint!.Value.ToArray(), back.OptionalPoint!.Value.ToArray());
    }

    [Fact]
    public void Nulls_and_empty_collections_survive_the_round_trip()
    {
        var back = RoundTrip(Sparse());

        Assert.Equal("", back.Text);
        Assert.Null(back.OptionalText);
        Assert.Null(back.OptionalFlag);
        Assert.Null(back.OptionalInt8);
        Assert.Null(back.OptionalInt16);
        Assert.Null(back.OptionalInt32);
        Assert.Null(back.OptionalInt64);
        Assert.Null(back.OptionalUInt8);
        Assert.Null(back.OptionalUInt16);
        Assert.Null(back.OptionalUInt32);
        Assert.Null(back.OptionalUInt64);
        Assert.Null(back.OptionalSingle);
        Assert.Null(back.OptionalDouble);
        Assert.Null(back.OptionalPrice);
        Assert.Null(back.DeletedAt);
        Assert.Null(back.ReviewedAt);
        Assert.Null(back.OptionalDay);
        Assert.Null(back.OptionalGuid);
        Assert.Empty(back.Payload);
        Assert.Null(back.OptionalPayload);
        Assert.Null(back.OptionalMood);
        Assert.Empty(back.Tags);
        Assert.Empty(back.Labels);
        Assert.Empty(back.Aliases);
        Assert.Null(back.OptionalTags);
        Assert.Empty(back.SparseTags);
        Assert.Null(back.Embedding);
        Assert.True(back.Point.IsEmpty);
        Assert.Null(back.OptionalPoint);
    }

    [Fact]
    public void A_batch_of_many_rows_keeps_row_order_and_per_row_nulls()
    {
        var rows = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? Full() : Sparse()).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Int32 = i;
        }

        var back = Map.ReadBatch(ArrowIpc.RoundTrip(Map.ToRecordBatch(rows, [])));

        Assert.Equal(Enumerable.Range(0, 50), back.Select(r => r.Int32));
        Assert.All(back.Where((_, i) => i % 2 == 0), r => Assert.Equal([0.1f, -0.2f, 0.3f], r.Embedding!));
        Assert.All(back.Where((_, i) => i % 2 == 1), r => Assert.Null(r.Embedding));
    }

    [Fact]
    public void The_schema_uses_the_documented_arrow_type_for_every_clr_type()
    {
        var schema = Map.Schema;
        void Is(string column, ArrowTypeId type, bool nullable)
        {
            var field = schema.GetFieldByName(column);
            Assert.NotNull(field);
            Assert.Equal(type, field.DataType.TypeId);
            Assert.Equal(nullable, field.IsNullable);
        }

        Is("id", ArrowTypeId.String, false);
        Is("text", ArrowTypeId.String, false);
        Is("optional_text", ArrowTypeId.String, true);
        Is("flag", ArrowTypeId.Boolean, false);
        Is("int8", ArrowTypeId.Int8, false);
        Is("int16", ArrowTypeId.Int16, false);
        Is("int32", ArrowTypeId.Int32, false);
        Is("int64", ArrowTypeId.Int64, false);
        Is("u_int8", ArrowTypeId.UInt8, false);
        Is("u_int16", ArrowTypeId.UInt16, false);
        Is("u_int32", ArrowTypeId.UInt32, false);
        Is("u_int64", ArrowTypeId.UInt64, false);
        Is("optional_int32", ArrowTypeId.Int32, true);
        Is("single", ArrowTypeId.Float, false);
        Is("double", ArrowTypeId.Double, false);
        Is("price", ArrowTypeId.Decimal128, false);
        Is("created_at", ArrowTypeId.Timestamp, false);
        Is("published_at", ArrowTypeId.Timestamp, false);
        Is("day", ArrowTypeId.Date32, false);
        Is("payload", ArrowTypeId.Binary, false);
        Is("mood", ArrowTypeId.String, false);
        Is("tags", ArrowTypeId.List, false);
        Is("labels", ArrowTypeId.List, false);
        Is("embedding", ArrowTypeId.FixedSizeList, true);

        var price = (Decimal128Type)schema.GetFieldByName("price").DataType;
        Assert.Equal((38, 9), (price.Precision, price.Scale));
        var timestamp = (TimestampType)schema.GetFieldByName("created_at").DataType;
        Assert.Equal((TimeUnit.Microsecond, "UTC"), (timestamp.Unit, timestamp.Timezone));
        var vector = (FixedSizeListType)schema.GetFieldByName("embedding").DataType;
        Assert.Equal((3, ArrowTypeId.Float), (vector.ListSize, vector.ValueDataType.TypeId));
        Assert.Equal(ArrowTypeId.String, ((ListType)schema.GetFieldByName("tags").DataType).ValueDataType.TypeId);
    }

    [Fact]
    public void Guids_are_written_as_lower_case_d_format_and_enums_as_member_names()
    {
        var batch = Map.ToRecordBatch([Full()], []);

        Assert.Equal("6f9619ff-8b86-d011-b42d-00cf4fc964ff", ((StringArray)batch.Column("id")).GetString(0));
        Assert.Equal("Grumpy", ((StringArray)batch.Column("mood")).GetString(0));
    }

    [Fact]
    public void Timestamps_are_stored_as_utc_microseconds()
    {
        var row = Full();
        row.CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(15); // 1.5 µs

        var back = RoundTrip(row);

        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10), back.CreatedAt);
        Assert.Equal(TimeSpan.Zero, back.PublishedAt.Offset);
        Assert.Equal(row.PublishedAt.UtcDateTime, back.PublishedAt.UtcDateTime);
    }

    [Fact]
    public void A_batch_without_some_columns_leaves_those_properties_at_their_defaults()
    {
        var full = Map.ToRecordBatch([Full()], []);
        var projected = new RecordBatch(
            new Schema.Builder().Field(full.Schema.GetFieldByName("id")).Field(full.Schema.GetFieldByName("int32"))
                .Field(new Field("_distance", FloatType.Default, true)).Build(),
            [full.Column("id"), full.Column("int32"), new FloatArray.Builder().Append(0.5f).Build()],
            1);

        var back = Assert.Single(Map.ReadBatch(projected));

        Assert.Equal(Full().Id, back.Id);
        Assert.Equal(int.MinValue, back.Int32);
        Assert.Equal("", back.Text);
        Assert.Empty(back.Tags);
        Assert.Null(back.OptionalText);
    }

    [Fact]
    public void A_null_in_a_non_nullable_column_is_a_typed_error_naming_the_row_property_and_column()
    {
        var row = Sparse();
        row.Text = null!;

        var error = Assert.Throws<ArgumentException>(() => Map.ToRecordBatch([Sparse(), row], []));

        Assert.Contains("entities[1].Text", error.Message);
        Assert.Contains("'text'", error.Message);
    }

    [Fact]
    public void A_decimal_with_more_than_nine_fractional_digits_is_a_typed_error_instead_of_being_rounded()
    {
        var row = Full();
        row.Price = 1.0123456789m;

        var error = Assert.Throws<ArgumentException>(() => Map.ToRecordBatch([row], []));

        Assert.Contains("entities[0].Price has more than 9 fractional digits", error.Message);
    }

    [Fact]
    public void A_decimal_with_trailing_zeros_beyond_nine_places_fits()
    {
        var row = Full();
        row.Price = 1.5000000000m;

        Assert.Equal(1.5m, RoundTrip(row).Price);
    }

    [Fact]
    public void A_vector_of_the_wrong_dimension_is_a_typed_error()
    {
        var row = Full();
        row.Embedding = [1f, 2f];

        var error = Assert.Throws<ArgumentException>(() => Map.ToRecordBatch([row], []));

        Assert.Contains("entities[0].Embedding has 2 dimensions", error.Message);
    }

    [Fact]
    public void A_column_of_an_unexpected_arrow_type_is_a_typed_error_naming_the_column()
    {
        var batch = new RecordBatch(
            new Schema.Builder().Field(new Field("int32", StringType.Default, false)).Build(),
            [new StringArray.Builder().Append("not a number").Build()],
            1);

        var error = Assert.Throws<InvalidOperationException>(() => Map.ReadBatch(batch));

        Assert.Contains("Column 'int32'", error.Message);
        Assert.Contains("int32", error.Message);
    }

    [Fact]
    public void Columns_describe_every_column_in_schema_order_and_the_key()
    {
        Assert.Equal(Map.Schema.FieldsList.Select(f => f.Name), Map.Columns.Select(c => c.ColumnName));
        Assert.Equal("id", Map.Key.ColumnName);
        Assert.True(Map.Key.IsKey);
        Assert.Equal(LanceValueKind.Guid, Map.Key.Kind);
        var mood = Map.Columns.Single(c => c.PropertyName == "Mood");
        Assert.Equal((LanceValueKind.Enum, typeof(Mood)), (mood.Kind, mood.EnumType));
        Assert.Equal(3, Map.Columns.Single(c => c.ColumnName == "embedding").VectorDimensions);
        Assert.Equal(Full().Id, Map.GetKey(Full()));
    }
}
