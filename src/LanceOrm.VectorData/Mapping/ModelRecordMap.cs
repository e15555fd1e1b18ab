using System.Runtime.CompilerServices;
using Apache.Arrow;
using LanceOrm.Mapping;
using LanceOrm.VectorData.Model;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData.Mapping;

/// <summary>
/// The LanceDB mapping of an MEVD record model (POCO or <c>Dictionary&lt;string, object?&gt;</c>): the same contract as
/// a generated mapper, so writes and reads run through LanceOrm's pipeline, validation and query builder. Values go
/// through the model's property accessors; vectors an embedding generator computed for a record are handed over with
/// <see cref="SetGenerated"/> for the length of a write.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class ModelRecordMap<TRecord> : ILanceEntityMap<TRecord>
    where TRecord : class
{
    private readonly CollectionModel _model;
    private readonly (LanceColumnInfo Column, PropertyModel Property)[] _properties;
    private readonly ConditionalWeakTable<TRecord, ReadOnlyMemory<float>?[]> _generated = [];

    public ModelRecordMap(string tableName, CollectionModel model)
    {
        _model = model;
        TableName = tableName;
        Columns = ModelColumns.Of(model);
        _properties = Columns.Zip(model.Properties).ToArray();
        Key = Columns.Single(c => c.IsKey);
        Schema = LanceArrowTypes.CreateSchema(Columns, ModelColumns.EmbeddingFunctionsJson(model));
        Indices = model.DataProperties
            .Where(p => p.IsFullTextIndexed)
            .Select(p => (LanceIndexDeclaration)new FullTextIndexDeclaration(p.ModelName, p.StorageName, p.StorageName + "_idx"))
            .ToArray();
    }

    public string TableName { get; }

    public Schema Schema { get; }

    public LanceColumnInfo Key { get; }

    public IReadOnlyList<LanceColumnInfo> Columns { get; }

    public IReadOnlyList<EmbeddingBinding<TRecord>> Embeddings => [];

    public IReadOnlyList<LanceIndexDeclaration> Indices { get; }

    /// <summary>Whether a vector property's vectors are generated (its type is an input such as string, not a vector).</summary>
    public static bool IsGenerated(VectorPropertyModel vector) => !LanceDbModelBuilder.IsVectorPropertyTypeValidCore(vector.Type, out _);

    /// <summary>The position of a vector property in the model's vector properties (the order of <see cref="SetGenerated"/>).</summary>
    public int IndexOf(VectorPropertyModel vector)
    {
        for (var i = 0; i < _model.VectorProperties.Count; i++)
        {
            if (ReferenceEquals(_model.VectorProperties[i], vector))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{vector.ModelName}' is not a vector property of this model.", nameof(vector));
    }

    /// <summary>Hands over the generated vectors of a record (one entry per vector property, in model order; null where not generated).</summary>
    public void SetGenerated(TRecord record, ReadOnlyMemory<float>?[] vectors) => _generated.AddOrUpdate(record, vectors);

    /// <summary>Forgets the generated vectors of a record.</summary>
    public void RemoveGenerated(TRecord record) => _generated.Remove(record);

    public RecordBatch ToRecordBatch(IReadOnlyList<TRecord> entities, IReadOnlyList<ReadOnlyMemory<float>> embeddingVectors)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var arrays = new IArrowArray[_properties.Length];
        for (var i = 0; i < _properties.Length; i++)
        {
            var (column, property) = _properties[i];
            if (property is VectorPropertyModel vector)
            {
                var index = IndexOf(vector);
                arrays[i] = ColumnWriter.Vector(entities, column, vector, IsGenerated(vector) ? r => Generated(r, index, vector) : null);
            }
            else
            {
                arrays[i] = ColumnWriter.Data(entities, column, property, TableName);
            }
        }

        return new RecordBatch(Schema, arrays, entities.Count);
    }

    public IReadOnlyList<TRecord> ReadBatch(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var present = new List<(LanceColumnInfo Column, PropertyModel Property, IArrowArray Array)>(_properties.Length);
        foreach (var (column, property) in _properties)
        {
            var index = batch.Schema.GetFieldIndex(column.ColumnName);
            if (index >= 0 && !(property is VectorPropertyModel vector && IsGenerated(vector)))
            {
                present.Add((column, property, batch.Column(index)));
            }
        }

        var records = new TRecord[batch.Length];
        for (var row = 0; row < records.Length; row++)
        {
            var record = _model.CreateRecord<TRecord>();
            foreach (var (column, property, array) in present)
            {
                var value = ColumnReader.Read(array, row, column, property.Type);
                if (value is not null || !property.Type.IsValueType || Nullable.GetUnderlyingType(property.Type) is not null)
                {
                    property.SetValueAsObject(record, value);
                }
            }

            records[row] = record;
        }

        return records;
    }

    public object? GetKey(TRecord entity) => _model.KeyProperty.GetValueAsObject(entity);

    private ReadOnlyMemory<float>? Generated(TRecord record, int vectorIndex, VectorPropertyModel vector) =>
        _generated.TryGetValue(record, out var vectors)
            ? vectors[vectorIndex]
            : throw new InvalidOperationException($"No embedding was generated for vector property '{vector.ModelName}' of this record.");
}
