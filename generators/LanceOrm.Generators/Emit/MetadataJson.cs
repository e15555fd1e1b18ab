using System.Text;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// The <c>embedding_functions</c> schema metadata: a JSON array of
/// <c>{"name", "model", "source_column", "vector_column", "sourceColumn", "vectorColumn"}</c> objects. Each column is
/// written in both spellings because the official SDKs disagree: Python (<c>parse_functions</c>) reads only the snake_case
/// keys and ignores others; Node <c>@lancedb/lancedb</c> 0.37.1 (<c>parseFunctions</c>) reads only the camelCase ones.
/// </summary>
internal static class MetadataJson
{
    public static string EmbeddingFunctions(EquatableArray<EmbeddingSpec> embeddings)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < embeddings.Count; i++)
        {
            var e = embeddings[i];
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("{\"name\":").Append(Quote(e.MetadataName))
                .Append(",\"model\":").Append(e.ModelJson)
                .Append(",\"source_column\":").Append(Quote(e.SourceColumn))
                .Append(",\"vector_column\":").Append(Quote(e.VectorColumn))
                .Append(",\"sourceColumn\":").Append(Quote(e.SourceColumn))
                .Append(",\"vectorColumn\":").Append(Quote(e.VectorColumn))
                .Append('}');
        }

        return json.Append(']').ToString();
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
