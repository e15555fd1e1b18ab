using System.Text.Json;
using LanceOrm.Embeddings.TestSupport.Retrieval;

namespace LanceOrm.Embeddings.Tests;

/// <summary>The committed retrieval set of the <c>quality</c> benchmark is well-formed, and the loader says what is wrong otherwise.</summary>
public sealed class RetrievalSetSpecification
{
    private static readonly Lazy<RetrievalSet> Committed = new(() =>
        RetrievalSet.Load(RetrievalSet.FindDirectory() ?? throw new InvalidOperationException("benchmarks/data/retrieval was not found above the test assembly.")));

    [Fact]
    public void The_committed_set_has_at_least_200_queries_and_600_documents()
    {
        Assert.True(Committed.Value.Queries.Count >= 200, $"{Committed.Value.Queries.Count} queries");
        Assert.True(Committed.Value.Documents.Count >= 600, $"{Committed.Value.Documents.Count} documents");
    }

    [Fact]
    public void The_committed_set_has_unique_ids_and_no_empty_text()
    {
        var set = Committed.Value;

        Assert.Equal(set.Documents.Count, set.Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(set.Queries.Count, set.Queries.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(set.Documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Text), d.Id));
        Assert.All(set.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Text), q.Id));
    }

    [Fact]
    public void Every_relevant_id_of_the_committed_set_is_a_document_of_its_corpus()
    {
        var ids = Committed.Value.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Committed.Value.Queries, q =>
        {
            Assert.NotEmpty(q.Relevant);
            Assert.All(q.Relevant, r => Assert.Contains(r, ids));
        });
    }

    [Fact]
    public void Some_committed_queries_have_several_relevant_documents()
    {
        Assert.Contains(Committed.Value.Queries, q => q.Relevant.Count is >= 2 and <= 3);
    }

    [Fact]
    public void Loading_rejects_a_relevant_id_that_is_not_in_the_corpus()
    {
        var directory = Write(documents: 3, queries: 200, relevant: _ => ["d0002", "d0404"]);

        var error = Assert.Throws<InvalidDataException>(() => RetrievalSet.Load(directory));

        Assert.Contains("q0001", error.Message);
        Assert.Contains("d0404", error.Message);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Loading_rejects_a_duplicate_document_id()
    {
        var directory = Write(documents: 3, queries: 200, relevant: _ => ["d0001"]);
        File.AppendAllText(Path.Combine(directory, RetrievalSet.CorpusFile), JsonLine(new { id = "d0002", text = "again" }));

        var error = Assert.Throws<InvalidDataException>(() => RetrievalSet.Load(directory));

        Assert.Contains("'d0002' is used twice", error.Message);
    }

    [Fact]
    public void Loading_rejects_an_empty_text()
    {
        var directory = Write(documents: 3, queries: 200, relevant: _ => ["d0001"]);
        File.AppendAllText(Path.Combine(directory, RetrievalSet.CorpusFile), JsonLine(new { id = "d0009", text = " " }));

        var error = Assert.Throws<InvalidDataException>(() => RetrievalSet.Load(directory));

        Assert.Contains("'text' is missing or empty", error.Message);
    }

    [Fact]
    public void Loading_rejects_a_set_with_fewer_than_200_queries()
    {
        var directory = Write(documents: 3, queries: 199, relevant: _ => ["d0001"]);

        var error = Assert.Throws<InvalidDataException>(() => RetrievalSet.Load(directory));

        Assert.Contains("199 queries", error.Message);
        Assert.Contains("at least 200", error.Message);
    }

    [Fact]
    public void Loading_a_well_formed_set_keeps_its_documents_queries_and_labels_in_order()
    {
        var directory = Write(documents: 3, queries: 200, relevant: i => i % 2 == 0 ? ["d0001"] : ["d0002", "d0003"]);

        var set = RetrievalSet.Load(directory);

        Assert.Equal(["d0001", "d0002", "d0003"], set.Documents.Select(d => d.Id));
        Assert.Equal("document 2", set.Documents[1].Text);
        Assert.Equal(200, set.Queries.Count);
        Assert.Equal(["d0002", "d0003"], set.Queries[1].Relevant);
    }

    private static string Write(int documents, int queries, Func<int, string[]> relevant)
    {
        var directory = TempDirectory.Create("retrieval-set");
        File.WriteAllText(
            Path.Combine(directory, RetrievalSet.CorpusFile),
            string.Concat(Enumerable.Range(1, documents).Select(i => JsonLine(new { id = $"d{i:D4}", text = $"document {i}" }))));
        File.WriteAllText(
            Path.Combine(directory, RetrievalSet.QueriesFile),
            string.Concat(Enumerable.Range(0, queries).Select(i => JsonLine(new { id = $"q{i + 1:D4}", text = $"query {i + 1}", relevant = relevant(i) }))));
        return directory;
    }

    private static string JsonLine(object value) => JsonSerializer.Serialize(value) + "\n";
}
