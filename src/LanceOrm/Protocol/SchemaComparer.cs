using System.Globalization;
using System.Text.Json.Nodes;
using Apache.Arrow.Types;

namespace LanceOrm.Protocol;

/// <summary>Compares the generated Arrow schema with the JSON schema a describe returned.</summary>
internal static class SchemaComparer
{
    /// <summary>Every difference that would make reads or writes through the mapping fail; empty when compatible.</summary>
    public static IReadOnlyList<SchemaDifference> Compare(Apache.Arrow.Schema expected, JsonNode? serverSchema)
    {
        var serverFields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var field in serverSchema?["fields"]?.AsArray() ?? [])
        {
            if (field?["name"]?.GetValue<string>() is { } name)
            {
                serverFields[name] = field["type"];
            }
        }

        var differences = new List<SchemaDifference>();
        foreach (var field in expected.FieldsList)
        {
            var expectedType = ArrowTypeNames.Describe(field.DataType);
            if (!serverFields.TryGetValue(field.Name, out var actual))
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.MissingColumn, field.Name, expectedType, null));
                continue;
            }

            var actualType = ArrowTypeNames.Describe(actual);
            if (actualType == expectedType)
            {
                continue;
            }

            if (field.DataType is FixedSizeListType fixedList && ArrowTypeNames.VectorLength(actual) is { } length
                && actualType == expectedType.Replace(string.Create(CultureInfo.InvariantCulture, $"[{fixedList.ListSize}]"), string.Create(CultureInfo.InvariantCulture, $"[{length}]"), StringComparison.Ordinal))
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.VectorDimensionMismatch, field.Name,
                    fixedList.ListSize.ToString(CultureInfo.InvariantCulture), length.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            differences.Add(new SchemaDifference(SchemaDifferenceKind.TypeMismatch, field.Name, expectedType, actualType));
        }

        return differences;
    }
}
