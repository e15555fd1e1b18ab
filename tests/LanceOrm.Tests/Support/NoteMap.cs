using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Tests.Support;

/// <summary>
/// A hand-written <see cref="ILanceEntityMap{T}"/> for <see cref="Note"/> (temporary fixture standing where the source
/// generator's output will), following the decided type mapping.
/// </summary>
public sealed class NoteMap : ILanceEntityMap<Note>
{
    private static readonly FixedSizeListType VectorType = new(new Field("item", FloatType.Default, true), HashingEmbeddingGenerator.Dimensions);
    private static readonly TimestampType TimestampType = new(TimeUnit.Microsecond, "UTC");

    public NoteMap(string tableName, int dimensions = HashingEmbeddingGenerator.Dimensions)
    {
        TableName = tableName;
        var vectorType = new FixedSizeListType(new Field("item", FloatType.Default, true), dimensions);
        Schema = new Schema.Builder()
            .Field(new Field("id", StringType.Default, false))
            .Field(new Field("title", StringType.Default, false))
            .Field(new Field("body", StringType.Default, false))
            .Field(new Field("year", Int32Type.Default, false))
            .Field(new Field("category", StringType.Default, false))
            .Field(new Field("published", BooleanType.Default, false))
            .Field(new Field("created_at", TimestampType, false))
            .Field(new Field("day", Date32Type.Default, false))
            .Field(new Field("rating", DoubleType.Default, true))
            .Field(new Field("vector", vectorType, false))
            .Metadata("embedding_functions", $$"""[{"name": "{{HashingEmbeddingGenerator.Name}}", "model": {}, "source_column": "body", "vector_column": "vector"}]""")
            .Build();
        Key = new LanceColumnInfo("Id", "id", LanceValueKind.String, false, IsKey: true);
        Columns =
        [
            Key,
            new("Title", "title", LanceValueKind.String, false, HasFullTextIndex: true),
            new("Body", "body", LanceValueKind.String, false),
            new("Year", "year", LanceValueKind.Int32, false),
            new("Category", "category", LanceValueKind.Enum, false, EnumType: typeof(Category)),
            new("Published", "published", LanceValueKind.Boolean, false),
            new("CreatedAt", "created_at", LanceValueKind.Timestamp, false),
            new("Day", "day", LanceValueKind.Date, false),
            new("Rating", "rating", LanceValueKind.Double, true),
            new("Vector", "vector", LanceValueKind.Vector, false, VectorDimensions: dimensions),
        ];
        Embeddings =
        [
            new EmbeddingBinding<Note>("Body", "body", "vector", HashingEmbeddingGenerator.Name, dimensions, n => n.Body,
                n => n.Vector is null ? null : new ReadOnlyMemory<float>(n.Vector)),
        ];
    }

    public string TableName { get; }

    public Schema Schema { get; }

    public LanceColumnInfo Key { get; }

    public IReadOnlyList<LanceColumnInfo> Columns { get; }

    public IReadOnlyList<EmbeddingBinding<Note>> Embeddings { get; }

    public object? GetKey(Note entity) => entity.Id;

    public RecordBatch ToRecordBatch(IReadOnlyList<Note> entities, IReadOnlyList<ReadOnlyMemory<float>> embeddingVectors)
    {
        var id = new StringArray.Builder();
        var title = new StringArray.Builder();
        var body = new StringArray.Builder();
        var year = new Int32Array.Builder();
        var category = new StringArray.Builder();
        var published = new BooleanArray.Builder();
        var created = new TimestampArray.Builder(TimestampType);
        var day = new Date32Array.Builder();
        var rating = new DoubleArray.Builder();
        foreach (var n in entities)
        {
            id.Append(n.Id);
            title.Append(n.Title);
            body.Append(n.Body);
            year.Append(n.Year);
            category.Append(n.Category.ToString());
            published.Append(n.Published);
            created.Append(new DateTimeOffset(DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc)));
            day.Append(n.Day.ToDateTime(TimeOnly.MinValue));
            if (n.Rating is { } r)
            {
                rating.Append(r);
            }
            else
            {
                rating.AppendNull();
            }
        }

        var dims = ((FixedSizeListType)Schema.GetFieldByName("vector").DataType).ListSize;
        var values = new FloatArray.Builder().AppendRange(embeddingVectors[0].Span[..(entities.Count * dims)].ToArray()).Build();
        var vectors = new FixedSizeListArray(Schema.GetFieldByName("vector").DataType, entities.Count, values, ArrowBuffer.Empty, 0);
        return new RecordBatch(Schema,
        [
            id.Build(), title.Build(), body.Build(), year.Build(), category.Build(), published.Build(), created.Build(), day.Build(), rating.Build(), vectors,
        ], entities.Count);
    }

    private static IArrowArray? Col(RecordBatch batch, string name)
    {
        var index = batch.Schema.GetFieldIndex(name);
        return index < 0 ? null : batch.Column(index);
    }

    public IReadOnlyList<Note> ReadBatch(RecordBatch batch)
    {
        var notes = new Note[batch.Length];
        for (var i = 0; i < notes.Length; i++)
        {
            notes[i] = new Note();
        }

        if (Col(batch, "id") is StringArray id) { for (var i = 0; i < notes.Length; i++) { notes[i].Id = id.GetString(i); } }
        if (Col(batch, "title") is StringArray title) { for (var i = 0; i < notes.Length; i++) { notes[i].Title = title.GetString(i); } }
        if (Col(batch, "body") is StringArray body) { for (var i = 0; i < notes.Length; i++) { notes[i].Body = body.GetString(i); } }
        if (Col(batch, "year") is Int32Array year) { for (var i = 0; i < notes.Length; i++) { notes[i].Year = year.GetValue(i) ?? 0; } }
        if (Col(batch, "category") is StringArray category) { for (var i = 0; i < notes.Length; i++) { notes[i].Category = Enum.Parse<Category>(category.GetString(i)); } }
        if (Col(batch, "published") is BooleanArray published) { for (var i = 0; i < notes.Length; i++) { notes[i].Published = published.GetValue(i) ?? false; } }
        if (Col(batch, "created_at") is TimestampArray created) { for (var i = 0; i < notes.Length; i++) { notes[i].CreatedAt = created.GetTimestamp(i)?.UtcDateTime ?? default; } }
        if (Col(batch, "day") is Date32Array day) { for (var i = 0; i < notes.Length; i++) { notes[i].Day = day.GetDateOnly(i) ?? default; } }
        if (Col(batch, "rating") is DoubleArray rating) { for (var i = 0; i < notes.Length; i++) { notes[i].Rating = rating.GetValue(i); } }
        if (Col(batch, "vector") is FixedSizeListArray vector && vector.Values is FloatArray floats)
        {
            var dims = ((FixedSizeListType)vector.Data.DataType).ListSize;
            for (var i = 0; i < notes.Length; i++)
            {
                if (vector.IsValid(i))
                {
                    notes[i].Vector = floats.Values.Slice((vector.Offset + i) * dims, dims).ToArray();
                }
            }
        }

        return notes;
    }
}
