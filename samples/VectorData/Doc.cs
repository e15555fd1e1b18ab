using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel.Data;

namespace VectorDataSample;

/// <summary>
/// A short document, described with the Microsoft.Extensions.VectorData attributes only (no LanceOrm attribute). The
/// vector property is typed <see cref="string"/>: the store's embedding generator (LanceOrm's local all-MiniLM-L6-v2)
/// computes its 384 floats from <see cref="Text"/> on upsert, and embeds the query text on search. The text itself is
/// stored in the <c>Text</c> column, with a full-text index for hybrid search.
/// </summary>
public sealed class Doc
{
    [VectorStoreKey] public string Id { get; set; } = "";

    [VectorStoreData, TextSearchResultName] public string Title { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true), TextSearchResultValue] public string Text { get; set; } = "";

    [VectorStoreData] public string Category { get; set; } = "";

    [VectorStoreVector(384, DistanceFunction = DistanceFunction.CosineSimilarity)] public string Embedding => Text;

    public static IReadOnlyList<Doc> All { get; } =
    [
        new() { Id = "c1", Category = "cooking", Title = "Tomato soup", Text = "Roast tomatoes and garlic, then blend them with stock for a warming winter soup." },
        new() { Id = "c2", Category = "cooking", Title = "Sourdough starter", Text = "Feed a sourdough starter flour and water every day until it doubles within a few hours." },
        new() { Id = "c3", Category = "cooking", Title = "Ramen broth", Text = "Simmer pork bones for twelve hours to make a rich, cloudy tonkotsu ramen broth." },
        new() { Id = "c4", Category = "cooking", Title = "Fluffy rice", Text = "Rinse rice until the water runs clear, then steam it under a tight lid for fluffy grains." },
        new() { Id = "c5", Category = "cooking", Title = "Chocolate mousse", Text = "Fold whipped egg whites into melted chocolate for a light, airy mousse." },
        new() { Id = "t1", Category = "travel", Title = "Kyoto in autumn", Text = "Kyoto's temples are busiest in November, when the maple leaves turn red." },
        new() { Id = "t2", Category = "travel", Title = "Iceland's ring road", Text = "Driving Iceland's ring road takes about a week, past glaciers, waterfalls and black sand beaches." },
        new() { Id = "t3", Category = "travel", Title = "Lisbon by tram", Text = "Tram 28 climbs through Lisbon's oldest neighbourhoods; ride early to avoid the crowds." },
        new() { Id = "t4", Category = "travel", Title = "Packing light", Text = "A carry-on bag is enough for two weeks if your clothes layer well and wash easily." },
        new() { Id = "t5", Category = "travel", Title = "Beating jet lag", Text = "To beat jet lag, get morning daylight at your destination and avoid long naps." },
        new() { Id = "s1", Category = "science", Title = "Photosynthesis", Text = "Plants turn sunlight, water and carbon dioxide into sugar and release oxygen." },
        new() { Id = "s2", Category = "science", Title = "Black holes", Text = "A black hole's event horizon is the boundary beyond which not even light can escape." },
        new() { Id = "s3", Category = "science", Title = "Vaccines", Text = "Vaccines train the immune system to recognise a pathogen without causing the disease." },
        new() { Id = "s4", Category = "science", Title = "Plate tectonics", Text = "Earth's crust is split into plates that drift a few centimetres a year and cause earthquakes." },
        new() { Id = "s5", Category = "science", Title = "Why the sky is blue", Text = "Air molecules scatter the short blue wavelengths of sunlight more than the red ones." },
        new() { Id = "d1", Category = "search", Title = "Vector search", Text = "A vector database finds the embeddings nearest to a query, ranking documents by meaning." },
        new() { Id = "d2", Category = "search", Title = "Full-text search", Text = "BM25 ranks documents by how often the query's keywords appear, weighted by their rarity." },
        new() { Id = "d3", Category = "search", Title = "B-tree indexes", Text = "A B-tree keeps keys sorted so that lookups and range scans touch only a few pages." },
        new() { Id = "d4", Category = "search", Title = "Hybrid search", Text = "Hybrid search fuses keyword and vector rankings, for example by reciprocal rank fusion." },
        new() { Id = "d5", Category = "search", Title = "Embeddings", Text = "An embedding model maps a sentence to a vector, so that similar meanings lie close together." },
    ];
}
