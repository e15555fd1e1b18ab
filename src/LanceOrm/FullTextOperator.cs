namespace LanceOrm;

/// <summary>How the terms of a full-text <see cref="FullTextQuery{T}.Match"/> combine.</summary>
public enum FullTextOperator
{
    /// <summary>A row matches when it contains any of the terms (the default).</summary>
    Or,

    /// <summary>A row matches only when it contains every term.</summary>
    And,
}
