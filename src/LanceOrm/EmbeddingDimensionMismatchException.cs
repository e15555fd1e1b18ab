namespace LanceOrm;

/// <summary>
/// An embedding function's generator returned vectors of another dimension than the function was registered with (for
/// example a remote model switched to a different size). Nothing is cached or written from such a call.
/// </summary>
public sealed class EmbeddingDimensionMismatchException : EmbeddingFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="function">The embedding function's registry name.</param>
    /// <param name="table">The table the texts were embedded for, or <see langword="null"/> outside a table.</param>
    /// <param name="expectedDimensions">The dimension the function was registered with.</param>
    /// <param name="actualDimensions">The dimension the generator returned.</param>
    public EmbeddingDimensionMismatchException(string function, string? table, int expectedDimensions, int actualDimensions)
        : base(
            function,
            table,
            $"Embedding function '{function}' returned vectors of {actualDimensions} dimensions{ForTable(table)}; it is registered with {expectedDimensions}. Register it with the dimension its model produces (and a vector column of that size).",
            null)
    {
        ExpectedDimensions = expectedDimensions;
        ActualDimensions = actualDimensions;
    }

    /// <summary>The dimension the function was registered with.</summary>
    public int ExpectedDimensions { get; }

    /// <summary>The dimension the generator returned.</summary>
    public int ActualDimensions { get; }
}
