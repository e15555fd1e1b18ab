using System.Collections.Generic;
using System.Collections.Immutable;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Parsing;

/// <summary>The embedding functions known at compile time: built-ins plus <c>[assembly: EmbeddingFunction(name, dimensions)]</c>.</summary>
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

    /// <summary>Reads the functions declared on <paramref name="assembly"/>; built-ins win over declarations of the same name.</summary>
    public static ImmutableArray<EmbeddingFunctionSpec> From(IAssemblySymbol assembly)
    {
        var result = ImmutableArray.CreateBuilder<EmbeddingFunctionSpec>();
        result.Add(MiniLm);
        result.Add(ArcticXs);
        var seen = new HashSet<string> { MiniLm.Name, ArcticXs.Name };
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

            result.Add(new EmbeddingFunctionSpec(name, dimensions, name, "{}"));
        }

        return result.ToImmutable();
    }
}
