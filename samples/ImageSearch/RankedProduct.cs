namespace ImageSearch;

/// <summary>One ranked hit as printed: rank, id, title, family and cosine distance.</summary>
public sealed record RankedProduct(int Rank, string Id, string Title, string Family, float? Distance);
