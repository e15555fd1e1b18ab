namespace LanceOrm;

/// <summary>What a clause of a full-text <see cref="FullTextQuery{T}.Boolean"/> query requires.</summary>
public enum FullTextOccur
{
    /// <summary>The clause adds to the score of rows that match it but is not required.</summary>
    Should,

    /// <summary>Rows must match the clause.</summary>
    Must,

    /// <summary>Rows matching the clause are left out.</summary>
    MustNot,
}
