namespace LanceOrm.Tests.Support;

/// <summary>The short texts the query, index and full-text tests search: each about a different subject.</summary>
public static class SearchCorpus
{
    public static readonly string[] Bodies =
    [
        "how do vector indexes work",
        "baking sourdough bread at home",
        "training a neural network on images",
        "vector databases store embeddings",
        "the history of the roman empire",
        "gardening tips for spring tomatoes",
    ];
}
