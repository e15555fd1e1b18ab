using System.Linq.Expressions;

namespace Quickstart;

/// <summary>A semantic search the sample runs, optionally narrowed by a LINQ filter (translated to LanceDB SQL).</summary>
public sealed record DemoQuery(string Text, Expression<Func<Article, bool>>? Filter = null, string? FilterText = null);

public static class DemoQueries
{
    public static IReadOnlyList<DemoQuery> All { get; } =
    [
        new("how do vector indexes find nearest neighbours quickly?"),
        new("baking bread with a sourdough starter"),
        new("what happens when a massive star collapses?"),
        new("protecting a database from losing data in a crash"),
        new("protecting a database from losing data in a crash", x => x.Category == "databases" && x.Year >= 2018, "x => x.Category == \"databases\" && x.Year >= 2018"),
        new("training a neural network without overfitting"),
        new("rising sea levels and coastal cities", x => x.Category == "climate", "x => x.Category == \"climate\""),
        new("saving for retirement with index funds", x => x.Category == "finance" && x.Year < 2022, "x => x.Category == \"finance\" && x.Year < 2022"),
    ];
}
