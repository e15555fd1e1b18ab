namespace LanceOrm.Generators.Model;

/// <summary>An embedding function known at compile time (built in, or declared with <c>[assembly: EmbeddingFunction]</c>).</summary>
/// <param name="Name">The registry name used in <c>[Embed]</c>.</param>
/// <param name="Dimensions">The vector dimension.</param>
/// <param name="MetadataName">The name written to <c>embedding_functions</c>.</param>
/// <param name="ModelJson">The <c>model</c> JSON object written to <c>embedding_functions</c>.</param>
/// <param name="Modality">What the function embeds (text functions are listed in <c>embedding_functions</c>, image functions in <c>lanceorm_embedding_functions</c>).</param>
internal sealed record EmbeddingFunctionSpec(string Name, int Dimensions, string MetadataName, string ModelJson, FunctionModality Modality = FunctionModality.Text);
