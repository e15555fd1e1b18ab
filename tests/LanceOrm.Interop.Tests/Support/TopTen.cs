namespace LanceOrm.Interop.Tests.Support;

/// <summary>Compares rankings query by query and reports every query whose ids differ.</summary>
public static class TopTen
{
    public const int K = 10;

    /// <summary>
    /// The queries both clients run: the quickstart's, plus a few that cut across topics.
    /// </summary>
    public static IReadOnlyList<string> Queries { get; } =
    [
        "how do vector indexes find nearest neighbours quickly?",
        "baking bread with a sourdough starter",
        "what happens when a massive star collapses?",
        "protecting a database from losing data in a crash",
        "training a neural network without overfitting",
        "rising sea levels and coastal cities",
        "saving for retirement with index funds",
        "getting enough sleep before a long race",
    ];

    public static void AssertIdentical(IReadOnlyList<string> queries, IReadOnlyList<IReadOnlyList<string>> lanceOrm, IReadOnlyList<IReadOnlyList<string>> official)
    {
        Assert.Equal(queries.Count, lanceOrm.Count);
        Assert.Equal(queries.Count, official.Count);
        var differences = queries
            .Select((query, i) => (query, mine: lanceOrm[i], theirs: official[i]))
            .Where(q => !q.mine.SequenceEqual(q.theirs))
            .Select(q => $"\"{q.query}\":\n  LanceOrm: {string.Join(", ", q.mine)}\n  official: {string.Join(", ", q.theirs)}")
            .ToArray();
        Assert.True(differences.Length == 0, $"Top-{K} differs for {differences.Length} of {queries.Count} queries:\n{string.Join("\n", differences)}");
        Assert.All(lanceOrm, ids => Assert.Equal(K, ids.Count));
    }
}
