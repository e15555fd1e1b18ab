namespace LanceOrm;

/// <summary>One difference between the generated schema and the server's.</summary>
/// <param name="Kind">The kind of difference.</param>
/// <param name="Column">The column concerned.</param>
/// <param name="Expected">What the mapping expects (a LanceDB type string or a dimension).</param>
/// <param name="Actual">What the server has, or <c>null</c> when the column is missing.</param>
public sealed record SchemaDifference(SchemaDifferenceKind Kind, string Column, string Expected, string? Actual)
{
    /// <summary>A human-readable description naming the column.</summary>
    public string Description => Kind switch
    {
        SchemaDifferenceKind.MissingColumn => $"column '{Column}' ({Expected}) is missing",
        SchemaDifferenceKind.VectorDimensionMismatch => $"vector column '{Column}' has dimension {Actual} on the server, the mapping expects {Expected}",
        _ => $"column '{Column}' has type {Actual} on the server, the mapping expects {Expected}",
    };
}
