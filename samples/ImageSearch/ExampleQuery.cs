using System.Linq.Expressions;

namespace ImageSearch;

/// <summary>
/// A search by example the sample runs: the query picture (encoded bytes), an optional LINQ filter (translated to
/// LanceDB SQL), and the id that must rank first, if any.
/// </summary>
public sealed record ExampleQuery(
    string Title,
    byte[] Image,
    Expression<Func<Product, bool>>? Filter = null,
    string? FilterText = null,
    string? ExpectedFirstId = null);
