using System.Text.Json;

namespace Quickstart;

/// <summary>Reads <c>Data/articles.jsonl</c> (one JSON object per line: id, title, body, category, year, tags).</summary>
public static class Corpus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "articles.jsonl");

    public static async Task<IReadOnlyList<Article>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        var lineNumber = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var article = JsonSerializer.Deserialize<Article>(line, Json)
                          ?? throw new InvalidDataException($"{path}:{lineNumber}: expected a JSON object.");
            if (article.Id.Length == 0 || article.Body.Length == 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: 'id' and 'body' are required.");
            }

            articles.Add(article);
        }

        return articles;
    }
}
