namespace LanceOrm.Generators.Model;

/// <summary>Everything the emitters need about one <c>[LanceTable]</c> entity, as plain equatable data.</summary>
/// <param name="Namespace">The entity's namespace, or empty for the global namespace.</param>
/// <param name="Name">The entity's simple name.</param>
/// <param name="FullName">The fully qualified entity type (<c>global::Ns.Article</c>).</param>
/// <param name="TypeKeyword">The declaration keyword (<c>class</c> or <c>record</c>).</param>
/// <param name="Accessibility">The accessibility of the generated types (<c>public</c> or <c>internal</c>).</param>
/// <param name="TableName">The table name.</param>
/// <param name="Columns">The schema columns, in order.</param>
/// <param name="Embeddings">The embedded properties, in declaration order.</param>
/// <param name="SearchExtras">Properties bound to server-added search columns.</param>
/// <param name="KeyPropertyName">The key property.</param>
/// <param name="KeyTypeName">The key property's fully qualified type, without nullability.</param>
/// <param name="PluralName">The pluralised entity name (the connection extension method).</param>
/// <param name="Indices">The declared indices, in declaration order.</param>
internal sealed record EntitySpec(
    string Namespace,
    string Name,
    string FullName,
    string TypeKeyword,
    string Accessibility,
    string TableName,
    EquatableArray<ColumnSpec> Columns,
    EquatableArray<EmbeddingSpec> Embeddings,
    EquatableArray<SearchExtraSpec> SearchExtras,
    string KeyPropertyName,
    string KeyTypeName,
    string PluralName,
    EquatableArray<IndexSpec> Indices = default)
{
    /// <summary>The generated map class's name.</summary>
    public string MapName => Name + "LanceMap";

    /// <summary>The generated repository's name.</summary>
    public string RepositoryName => Name + "Repository";
}
