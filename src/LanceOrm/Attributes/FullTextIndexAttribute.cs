namespace LanceOrm;

/// <summary>
/// Declares a full-text (FTS, BM25) index on a <c>string</c> column, created by
/// <see cref="LanceRepository{T, TKey}.CreateDeclaredIndicesAsync"/>. Needed by the repository's full-text and hybrid
/// searches (<c>FullTextSearch</c>, <c>HybridSearch</c>).
/// The tokenizer options default to the engine's defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FullTextIndexAttribute : Attribute
{
    /// <summary>The index name (default <c>{column}_idx</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Whether token positions are stored, so that phrase queries work (default false: a smaller index).</summary>
    public bool WithPosition { get; set; }

    /// <summary>The language of stemming and stop words (default <c>English</c>).</summary>
    public string Language { get; set; } = "English";

    /// <summary>Whether words are reduced to their stem (default true).</summary>
    public bool Stem { get; set; } = true;

    /// <summary>Whether stop words (<c>the</c>, <c>a</c>, …) are left out of the index (default true).</summary>
    public bool RemoveStopWords { get; set; } = true;

    /// <summary>Whether text is lower-cased before it is indexed and searched (default true).</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Whether accents are folded to ASCII (<c>é</c> to <c>e</c>; default true).</summary>
    public bool AsciiFolding { get; set; } = true;
}
