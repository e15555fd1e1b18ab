using System.Diagnostics.CodeAnalysis;
using LanceOrm.VectorData.Querying;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData.Model;

/// <summary>
/// Builds the MEVD model of a record type (attributes or a <see cref="VectorStoreCollectionDefinition"/>) and checks it
/// against what a LanceDB table can hold: the key, data and vector types, distance functions and index kinds.
/// </summary>
internal sealed class LanceDbModelBuilder() : CollectionModelBuilder(BuildingOptions)
{
    /// <summary>The vector property types stored as is.</summary>
    public const string SupportedVectorTypes = "ReadOnlyMemory<float>, Embedding<float>, float[]";

    private static readonly CollectionModelBuildingOptions BuildingOptions = new()
    {
        RequiresAtLeastOneVector = false,
        SupportsMultipleVectors = true,
    };

    /// <summary>Whether a vector property's type is stored as is (no embedding generation).</summary>
    public static bool IsVectorPropertyTypeValidCore(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = SupportedVectorTypes;
        return type == typeof(ReadOnlyMemory<float>)
            || type == typeof(ReadOnlyMemory<float>?)
            || type == typeof(Embedding<float>)
            || type == typeof(float[]);
    }

    /// <inheritdoc />
    protected override bool SupportsKeyAutoGeneration(Type keyPropertyType) => keyPropertyType == typeof(Guid);

    /// <inheritdoc />
    protected override void ValidateKeyProperty(KeyPropertyModel keyProperty)
    {
        base.ValidateKeyProperty(keyProperty);
        var type = keyProperty.Type;
        if (type != typeof(string) && type != typeof(Guid) && type != typeof(int) && type != typeof(long))
        {
            throw new NotSupportedException(
                $"Property '{keyProperty.ModelName}' has unsupported type '{type.Name}'. Key properties must be one of the supported types: string, Guid, int, long.");
        }
    }

    /// <inheritdoc />
    protected override void ValidateProperty(PropertyModel propertyModel, VectorStoreCollectionDefinition? definition)
    {
        base.ValidateProperty(propertyModel, definition);
        if (propertyModel is VectorPropertyModel vector)
        {
            _ = Distances.For(vector.DistanceFunction, vector.ModelName);
            if (vector.IndexKind is not null && vector.IndexKind != IndexKind.Flat)
            {
                throw new NotSupportedException(
                    $"Index kind '{vector.IndexKind}' of vector property '{vector.ModelName}' is not supported by the LanceDB connector: use IndexKind.Flat (exact search, the default). " +
                    "LanceDB trains IVF indices on the rows a table holds, so they are created once data is loaded (LanceOrm's CreateVectorIndexAsync), not with the collection.");
            }
        }
    }

    /// <inheritdoc />
    protected override bool IsDataPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = ValueKinds.SupportedDataTypes;
        return ValueKinds.TryGetDataKind(type, out _);
    }

    /// <inheritdoc />
    protected override bool IsVectorPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes) =>
        IsVectorPropertyTypeValidCore(type, out supportedTypes);
}
