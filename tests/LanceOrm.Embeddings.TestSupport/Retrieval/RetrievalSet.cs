using System.Text.Json;
using System.Text.Json.Serialization;

namespace LanceOrm.Embeddings.TestSupport.Retrieval;

/// <summary>A document of the retrieval set: <c>{"id":"d0001","text":"..."}</c>.</summary>
internal sealed record RetrievalDocument(string Id, string Text);

/// <summary>A query of the retrieval set with the ids of its relevant documents (binary relevance).</summary>
internal sealed record RetrievalQuery(string Id, string Text, IReadOnlyList<string> Relevant);

/// <summary>
/// The labelled retrieval set in <c>benchmarks/data/retrieval</c> (<c>corpus.jsonl</c>, <c>queries.jsonl</c>; how it was
/// built: the README there). <see cref="Load"/> validates it: ids unique, no empty text, every relevant id a document of
/// the corpus, at least <see cref="MinimumQueries"/> queries; anything else is an <see cref="InvalidDataException"/> that
/// names the file, the line and what is wrong.
/// </summary>
internal sealed class RetrievalSet
{
    public const int MinimumQueries = 200;
    public const string CorpusFile = "corpus.jsonl";
    public const string QueriesFile = "queries.jsonl";

    private RetrievalSet(IReadOnlyList<RetrievalDocument> documents, IReadOnlyList<RetrievalQuery> queries)
    {
        Documents = documents;
        Queries = queries;
    }

    public IReadOnlyList<RetrievalDocument> Documents { get; }

    public IReadOnlyList<RetrievalQuery> Queries { get; }

    /// <summary>
    /// <c>benchmarks/data/retrieval</c> in the nearest ancestor of the running assembly that has one (the repository
    /// root), or <see langword="null"/>.
    /// </summary>
    public static string? FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "data", "retrieval");
            if (File.Exists(Path.Combine(candidate, CorpusFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads and validates the set in <paramref name="directory"/>.</summary>
    public static RetrievalSet Load(string directory)
    {
        var corpusPath = Path.Combine(directory, CorpusFile);
        var queriesPath = Path.Combine(directory, QueriesFile);
        var documents = new List<RetrievalDocument>();
        var documentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, record) in ReadLines(corpusPath))
        {
            var id = Required(record.Id, "id", corpusPath, line);
            var text = Required(record.Text, "text", corpusPath, line);
            if (!documentIds.Add(id))
            {
                throw Invalid(corpusPath, line, $"document id '{id}' is used twice");
            }

            documents.Add(new RetrievalDocument(id, text));
        }

        var queries = new List<RetrievalQuery>();
        var queryIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, record) in ReadLines(queriesPath))
        {
            var id = Required(record.Id, "id", queriesPath, line);
            var text = Required(record.Text, "text", queriesPath, line);
            if (!queryIds.Add(id))
            {
                throw Invalid(queriesPath, line, $"query id '{id}' is used twice");
            }

            if (record.Relevant is not { Length: > 0 } relevant)
            {
                throw Invalid(queriesPath, line, $"query '{id}' has no relevant documents");
            }

            foreach (var relevantId in relevant)
            {
                if (relevantId is null || !documentIds.Contains(relevantId))
                {
                    throw Invalid(queriesPath, line, $"query '{id}' names relevant document '{relevantId ?? "null"}', which is not in {CorpusFile}");
                }
            }

            if (relevant.Distinct(StringComparer.Ordinal).Count() != relevant.Length)
            {
                throw Invalid(queriesPath, line, $"query '{id}' names a relevant document twice");
            }

            queries.Add(new RetrievalQuery(id, text, Array.ConvertAll(relevant, r => r!)));
        }

        if (queries.Count < MinimumQueries)
        {
            throw new InvalidDataException($"{queriesPath} holds {queries.Count} queries; a retrieval set needs at least {MinimumQueries}.");
        }

        return new RetrievalSet(documents, queries);
    }

    private static IEnumerable<(int Line, Record Record)> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The retrieval set file {path} does not exist.", path);
        }

        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            Record? record;
            try
            {
                record = JsonSerializer.Deserialize<Record>(text);
            }
            catch (JsonException e)
            {
                throw Invalid(path, number, $"not a JSON object: {e.Message}");
            }

            yield return (number, record ?? throw Invalid(path, number, "null instead of a JSON object"));
        }
    }

    private static string Required(string? value, string property, string path, int line) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(path, line, $"'{property}' is missing or empty") : value;

    private static InvalidDataException Invalid(string path, int line, string problem) => new($"{path}, line {line}: {problem}.");

    private sealed record Record(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("relevant")] string?[]? Relevant);
}
