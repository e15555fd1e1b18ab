namespace LanceOrm.Generators.Model;

/// <summary>One <c>[Embed]</c> property and the vector column its function writes.</summary>
/// <param name="PropertyName">The <c>[Embed]</c> property.</param>
/// <param name="SourceColumn">Its text column (or, for an image, its binary or file path column).</param>
/// <param name="VectorColumn">The vector column the function writes.</param>
/// <param name="FunctionName">The embedding function's registry name.</param>
/// <param name="Dimensions">The function's dimension.</param>
/// <param name="MetadataName">The name written in <c>embedding_functions</c> (the alias the official clients know).</param>
/// <param name="ModelJson">The <c>model</c> JSON object written in <c>embedding_functions</c>.</param>
/// <param name="SourceIsNullable">Whether the text property is nullable.</param>
/// <param name="VectorProperty">The <c>[Vector]</c> property mapped to the same column, if any.</param>
/// <param name="Modality">Whether the function embeds the property's text or its image.</param>
internal sealed record EmbeddingSpec(
    string PropertyName,
    string SourceColumn,
    string VectorColumn,
    string FunctionName,
    int Dimensions,
    string MetadataName,
    string ModelJson,
    bool SourceIsNullable,
    PropertySpec? VectorProperty,
    FunctionModality Modality = FunctionModality.Text);
