namespace LanceOrm;

/// <summary>What kind of difference a <see cref="SchemaDifference"/> is.</summary>
public enum SchemaDifferenceKind
{
    /// <summary>A mapped column is absent on the server.</summary>
    MissingColumn,
    /// <summary>A column has another type on the server.</summary>
    TypeMismatch,
    /// <summary>A vector column has another dimension on the server.</summary>
    VectorDimensionMismatch,
}
