using LanceOrm.Generators.Diagnostics;
using LanceOrm.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators.Parsing;

/// <summary>
/// Whether an <c>[Embed]</c> property's type fits its function: text functions embed <c>string</c>, image functions
/// embed <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>FileInfo</c>.
/// </summary>
internal static partial class EntityParser
{
    /// <summary>
    /// LANCE003 (a text function, or an unknown one, on a property that holds no text) and LANCE023 (an image function on
    /// a property that holds no image); <c>null</c> when the property's type fits the function.
    /// </summary>
    private static DiagnosticInfo? EmbedTypeProblem(IPropertySymbol property, TypeClassification classification, EmbeddingFunctionSpec? function, string functionName, LocationSnapshot? location)
    {
        var isImage = TypeClassifier.IsImage(classification.Kind, classification.Shape);
        if (function is { Modality: FunctionModality.Image })
        {
            if (isImage)
            {
                return null;
            }

            var hint = TypeClassifier.IsText(classification.Kind, classification.Shape) ? " (a string holding a path: make it FileInfo)" : "";
            return new DiagnosticInfo(DiagnosticIds.ImageEmbedOnNonImage, location, new[] { property.Name, Display(property.Type), function.Name, hint }.ToEquatableArray());
        }

        if (TypeClassifier.IsText(classification.Kind, classification.Shape) || (function is null && isImage))
        {
            // An unknown function on an image property is LANCE004's to report: it may be an image function not declared yet.
            return null;
        }

        var reason = function is null
            ? $"only string properties (text functions) and {TypeClassifier.ImageTypes} properties (image functions) can be embedded"
            : $"'{function.Name}' embeds text, so put it on a string property" +
              (isImage ? $"; to embed the image it holds, use an image function such as [Embed(\"{KnownEmbeddingFunctions.ResNet18.Name}\")]" : "");
        return new DiagnosticInfo(DiagnosticIds.EmbedOnNonString, location, new[] { property.Name, Display(property.Type), functionName, reason }.ToEquatableArray());
    }
}
