using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Mapping;

namespace LanceOrm.Generators.Tests.RoundTrip;

public sealed class EmbeddingMappingTests
{
    private static float[] Vectors(int rows, int dimensions, float seed) =>
        Enumerable.Range(0, rows * dimensions).Select(i => seed + i).ToArray();

    [Fact]
    public void A_single_embedded_property_writes_its_vectors_to_the_vector_column()
    {
        var map = ArticleLanceMap.Instance;
        var articles = new[]
        {
            new Article { Id = "a1", Title = "Vector indexes", Body = "how do vector indexes work?", Year = 2024 },
            new Article { Id = "a2", Title = "Ünïcödé", Body = "日本語のテキスト", Year = 2025 },
        };
        var vectors = Vectors(2, 384, 0.5f);

        var batch = ArrowIpc.RoundTrip(map.ToRecordBatch(articles, [vectors]));

        Assert.Equal(["id", "title", "body", "year", "vector"], batch.Schema.FieldsList.Select(f => f.Name));
        var column = (FixedSizeListArray)batch.Column("vector");
        Assert.Equal(384, ((FixedSizeListType)column.Data.DataType).ListSize);
        Assert.Equal(vectors, ((FloatArray)column.Values).Values.ToArray());
        var back = map.ReadBatch(batch);
        Assert.Equal(articles.Select(a => (a.Id, a.Title, a.Body, a.Year)), back.Select(a => (a.Id, a.Title, a.Body, a.Year)));
    }

    [Fact]
    public void Minilm_is_written_to_the_schema_metadata_as_the_sentence_transformers_function_official_clients_know()
    {
        var metadata = ArticleLanceMap.Instance.Schema.Metadata["embedding_functions"];

        using var json = JsonDocument.Parse(metadata);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("sentence-transformers", entry.GetProperty("name").GetString());
        Assert.Equal("all-MiniLM-L6-v2", entry.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal("body", entry.GetProperty("source_column").GetString());
        Assert.Equal("vector", entry.GetProperty("vector_column").GetString());
    }

    [Fact]
    public void Arctic_xs_is_known_to_the_generator_with_its_384_dimensions_and_the_model_name_the_python_function_loads()
    {
        var schema = PassageLanceMap.Instance.Schema;

        Assert.Equal(384, ((FixedSizeListType)schema.GetFieldByName("vector").DataType).ListSize);
        using var json = JsonDocument.Parse(schema.Metadata["embedding_functions"]);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("sentence-transformers", entry.GetProperty("name").GetString());
        Assert.Equal("Snowflake/snowflake-arctic-embed-xs", entry.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal("text", entry.GetProperty("source_column").GetString());
    }

    [Fact]
    public void Embedding_columns_are_written_in_the_snake_case_Python_reads_and_the_camelCase_Node_reads()
    {
        var metadata = ArticleLanceMap.Instance.Schema.Metadata["embedding_functions"];

        using var json = JsonDocument.Parse(metadata);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(entry.GetProperty("source_column").GetString(), entry.GetProperty("sourceColumn").GetString());
        Assert.Equal(entry.GetProperty("vector_column").GetString(), entry.GetProperty("vectorColumn").GetString());
    }

    [Fact]
    public void The_metadata_survives_arrow_ipc()
    {
        var batch = ArrowIpc.RoundTrip(ArticleLanceMap.Instance.ToRecordBatch([new Article { Id = "x" }], [new float[384]]));

        Assert.Equal(ArticleLanceMap.Instance.Schema.Metadata["embedding_functions"], batch.Schema.Metadata["embedding_functions"]);
    }

    [Fact]
    public void Two_embedded_properties_get_column_vector_names_and_a_vector_property_reads_its_column_back()
    {
        var map = NoteLanceMap.Instance;
        Assert.Equal(["note_id", "title", "summary", "title_vector", "summary_vector"], map.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(["title_vector", "summary_vector"], map.Embeddings.Select(e => e.VectorColumn));
        Assert.Equal(["Title", "Summary"], map.Embeddings.Select(e => e.SourcePropertyName));
        Assert.All(map.Embeddings, e => Assert.Equal(("minilm", 384), (e.FunctionName, e.Dimensions)));

        var notes = new[] { new Note { Id = 1, Title = "first", Summary = "sum" }, new Note { Id = 2, Title = "second", Summary = null } };
        var titles = Vectors(2, 384, 1f);
        var summaries = Vectors(2, 384, 1000f);
        var back = map.ReadBatch(ArrowIpc.RoundTrip(map.ToRecordBatch(notes, [titles, summaries])));

        Assert.Equal([1L, 2L], back.Select(n => n.Id));
        Assert.Equal(titles[..384], back[0].TitleVector);
        Assert.Equal(titles[384..], back[1].TitleVector);
        Assert.Null(back[1].Summary);
    }

    [Fact]
    public void A_null_embedded_text_gets_a_null_vector()
    {
        var map = NoteLanceMap.Instance;
        var batch = map.ToRecordBatch([new Note { Id = 1, Title = "t", Summary = null }], [new float[384], new float[384]]);

        Assert.True(batch.Column("summary_vector").IsNull(0));
        Assert.False(batch.Column("title_vector").IsNull(0));
    }

    [Fact]
    public void Embedding_bindings_read_the_source_text_and_the_vector_a_row_already_carries()
    {
        var binding = NoteLanceMap.Instance.Embeddings[0];
        var note = new Note { Id = 7, Title = "hello", TitleVector = [1f, 2f] };

        Assert.Equal("hello", binding.GetSourceText(note));
        Assert.NotNull(binding.GetVector);
        Assert.Equal([1f, 2f], binding.GetVector(note)!.Value.ToArray());
        Assert.Null(binding.GetVector(new Note { Id = 8 }));
        Assert.Null(NoteLanceMap.Instance.Embeddings[1].GetVector);
    }

    [Fact]
    public void Search_extras_are_read_back_from_search_results_and_never_written()
    {
        var map = NoteLanceMap.Instance;
        var written = map.ToRecordBatch([new Note { Id = 3, Title = "t" }], [new float[384], new float[384]]);
        Assert.DoesNotContain(written.Schema.FieldsList, f => f.Name.StartsWith('_'));

        var fields = written.Schema.FieldsList.ToList();
        var columns = Enumerable.Range(0, fields.Count).Select(written.Column).ToList();
        fields.Add(new Field("_distance", FloatType.Default, true));
        columns.Add(new FloatArray.Builder().Append(0.25f).Build());
        fields.Add(new Field("_score", FloatType.Default, true));
        columns.Add(new FloatArray.Builder().Append(7.5f).Build());
        fields.Add(new Field("_rowid", UInt64Type.Default, true));
        columns.Add(new UInt64Array.Builder().Append(42UL).Build());
        var results = new RecordBatch(new Schema(fields, written.Schema.Metadata), columns, 1);

        var hit = Assert.Single(map.ReadBatch(ArrowIpc.RoundTrip(results)));

        Assert.Equal(0.25f, hit.Distance);
        Assert.Equal(7.5, hit.Score);
        Assert.Equal(42UL, hit.RowId);
    }

    [Fact]
    public void A_missing_or_short_vector_buffer_is_a_typed_error()
    {
        var map = ArticleLanceMap.Instance;
        var articles = new[] { new Article { Id = "a" } };

        var missing = Assert.Throws<ArgumentException>(() => map.ToRecordBatch(articles, []));
        var shortBuffer = Assert.Throws<ArgumentException>(() => map.ToRecordBatch(articles, [new float[10]]));

        Assert.Contains("1 embedded properties (Body -> vector)", missing.Message);
        Assert.Contains("holds 10 floats", shortBuffer.Message);
    }

    [Fact]
    public void The_generated_repository_and_connection_extension_use_the_generated_map()
    {
        // No request is sent at connect time.
        using var connection = new LanceDbConnection(new LanceDbOptions { Uri = "db://mapping", HostOverride = new Uri("http://127.0.0.1:1") });

        ArticleRepository repository = connection.Articles();
        NoteRepository notes = connection.Notes();

        Assert.Same(ArticleLanceMap.Instance, repository.Map);
        Assert.Same(NoteLanceMap.Instance, notes.Map);
        Assert.Same(ArticleLanceMap.Instance, Article.LanceMap);
        Assert.IsAssignableFrom<LanceRepository<Article, string>>(repository);
        Assert.NotNull(typeof(ArticleRepository).GetMethod("SearchBody", [typeof(string)]));
        Assert.NotNull(typeof(NoteRepository).GetMethod("SearchTitle", [typeof(string)]));
        Assert.NotNull(typeof(NoteRepository).GetMethod("SearchSummary", [typeof(string)]));
    }

    [Fact]
    public void Full_text_index_and_key_flags_reach_the_column_descriptions()
    {
        var columns = NoteLanceMap.Instance.Columns;

        Assert.True(columns.Single(c => c.ColumnName == "title").HasFullTextIndex);
        Assert.True(columns.Single(c => c.ColumnName == "note_id").IsKey);
        Assert.Equal(LanceValueKind.Vector, columns.Single(c => c.ColumnName == "summary_vector").Kind);
        Assert.Equal("", columns.Single(c => c.ColumnName == "summary_vector").PropertyName);
        Assert.Equal("TitleVector", columns.Single(c => c.ColumnName == "title_vector").PropertyName);
    }
}
