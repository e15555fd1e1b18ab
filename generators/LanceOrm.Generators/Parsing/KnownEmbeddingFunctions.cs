using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Parsing;

/// <summary>
/// The embedding functions known at compile time: built-ins plus <c>[assembly: EmbeddingFunction(name, dimensions)]</c>
/// (with <c>Modality = EmbeddingModality.Image</c> for an image function).
/// </summary>
internal static class KnownEmbeddingFunctions
{
    /// <summary>
    /// all-MiniLM-L6-v2 under the alias the official Python client knows (<c>sentence-transformers</c>) with its
    /// <c>create()</c> arguments, so official clients can re-create the function from the table metadata.
    /// </summary>
    public static readonly EmbeddingFunctionSpec MiniLm =
        new("minilm", 384, "sentence-transformers", "{\"name\":\"all-MiniLM-L6-v2\"}");

    /// <summary>
    /// Snowflake/snowflake-arctic-embed-xs (384 dimensions), also under <c>sentence-transformers</c>: the Python client's
    /// function loads the same model (and its [CLS] pooling) from that name.
    /// </summary>
    public static readonly EmbeddingFunctionSpec ArcticXs =
        new("arctic-xs", 384, "sentence-transformers", "{\"name\":\"Snowflake/snowflake-arctic-embed-xs\"}");

    /// <summary>
    /// ResNet-18 (ImageNet-trained, 512 pooled features): an image function. Official clients have no such function, so
    /// it is listed under <c>lanceorm_embedding_functions</c>, by its own name.
    /// </summary>
    public static readonly EmbeddingFunctionSpec ResNet18 =
        new("resnet18", 512, "resnet18", "{\"name\":\"resnet18\",\"package\":\"Microsoft.ML.DnnImageFeaturizer.ResNet18\",\"version\":\"0.23.1\"}", FunctionModality.Image);

    /// <summary>The built-in functions.</summary>
    private static readonly EmbeddingFunctionSpec[] BuiltIns = { MiniLm, ArcticXs, ResNet18 };

    /// <summary>Reads the functions declared on <paramref name="assembly"/>; built-ins win over declarations of the same name.</summary>
    public static ImmutableArray<EmbeddingFunctionSpec> From(IAssemblySymbol assembly)
    {
        var result = ImmutableArray.CreateBuilder<EmbeddingFunctionSpec>();
        result.AddRange(BuiltIns);
        var seen = new HashSet<string>(BuiltIns.Select(f => f.Name));
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != WellKnownNames.EmbeddingFunctionAttribute ||
                attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not string name ||
                attribute.ConstructorArguments[1].Value is not int dimensions ||
                dimensions <= 0 ||
                !seen.Add(name))
            {
                continue;
            }

            result.Add(new EmbeddingFunctionSpec(name, dimensions, name, "{}", ModalityOf(attribute)));
        }

        return result.ToImmutable();
    }

    /// <summary>The <c>Modality</c> named argument (an <c>EmbeddingModality</c> value: 0 text, 1 image); text when absent.</summary>
    private static FunctionModality ModalityOf(AttributeData attribute) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == "Modality").Value.Value is int modality && modality == (int)FunctionModality.Image
            ? FunctionModality.Image
            : FunctionModality.Text;
}
