using System.Text.Json;
using LanceOrm.Indexing;
using LanceOrm.Mapping;
using LanceOrm.Protocol;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Unit;

/// <summary>The generator turns index attributes into the map's declarations, and each declaration into one create_index body.</summary>
public sealed class DeclaredIndexMapTests
{
    [Fact]
    public void The_generated_map_lists_every_declared_index_in_declaration_order()
    {
        LanceIndexDeclaration[] expected =
        [
            new VectorIndexDeclaration("Body", "vector", "vector_idx", VectorIndexType.IvfFlat, DistanceType.Cosine, NumPartitions: 2),
            new FullTextIndexDeclaration("Body", "body", "body_idx", WithPosition: true),
            new ScalarIndexDeclaration("Year", "year", "year_idx", ScalarIndexType.BTree),
            new ScalarIndexDeclaration("Category", "category", "category_bitmap", ScalarIndexType.Bitmap),
            new ScalarIndexDeclaration("Tags", "tags", "tags_idx", ScalarIndexType.LabelList),
        ];

        Assert.Equal(expected, IndexedDoc.LanceMap.Indices);
        Assert.Empty(Passage.LanceMap.Indices);
    }

    [Fact]
    public void Each_declaration_becomes_the_create_index_body_of_its_kind()
    {
        var bodies = IndexedDoc.LanceMap.Indices.Select(d => JsonSerializer.Serialize(DeclaredIndices.Request(d), ProtocolJsonContext.Default.CreateIndexRequest)).ToArray();

        Assert.Equal(
            [
                """{"column":"vector","index_type":"IVF_FLAT","metric_type":"cosine","num_partitions":2,"name":"vector_idx"}""",
                """{"column":"body","index_type":"FTS","name":"body_idx","with_position":true,"language":"English","stem":true,"remove_stop_words":true,"lower_case":true,"ascii_folding":true}""",
                """{"column":"year","index_type":"BTREE","name":"year_idx"}""",
                """{"column":"category","index_type":"BITMAP","name":"category_bitmap"}""",
                """{"column":"tags","index_type":"LABEL_LIST","name":"tags_idx"}""",
            ],
            bodies);
    }
}
