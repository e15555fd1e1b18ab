using System.ComponentModel;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace LanceOrm.Mapping;

/// <summary>
/// Finds a generated map's columns in a <see cref="RecordBatch"/> by name, checking their Arrow type. Support API of
/// the generated <c>ReadBatch</c>; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ArrowBatchReader
{
    private readonly RecordBatch _batch;
    private readonly string _table;
    private readonly string _entity;

    /// <summary>Reads <paramref name="batch"/> for the entity <paramref name="entity"/> of table <paramref name="table"/> (both named in errors).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    public ArrowBatchReader(RecordBatch batch, string table, string entity)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batch = batch;
        _table = table;
        _entity = entity;
    }

    /// <summary>The number of rows.</summary>
    public int Length => _batch.Length;

    /// <summary>The column of <paramref name="column"/>, or null when the batch does not have it (a projection).</summary>
    /// <exception cref="InvalidOperationException">The column holds another Arrow type (a list column: other items than utf8).</exception>
    public TArray? Find<TArray>(LanceColumnInfo column)
        where TArray : class, IArrowArray
    {
        ArgumentNullException.ThrowIfNull(column);
        var array = FindExtra(column.ColumnName);
        if (array is null)
        {
            return null;
        }

        if (array is not TArray typed || (array is ListArray list && list.Values is not StringArray))
        {
            throw TypeMismatch(column.ColumnName, LanceArrowTypes.DisplayName(column), array);
        }

        return typed;
    }

    /// <summary>The vector column of <paramref name="column"/>, or null when the batch does not have it.</summary>
    /// <exception cref="InvalidOperationException">The column is not <c>fixed_size_list&lt;float32&gt;</c> of the column's dimension.</exception>
    public FixedSizeListArray? FindVector(LanceColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var array = FindExtra(column.ColumnName);
        if (array is null)
        {
            return null;
        }

        if (array is not FixedSizeListArray vectors
            || vectors.Data.DataType is not FixedSizeListType { ListSize: var size }
            || size != column.VectorDimensions
            || vectors.Values is not FloatArray)
        {
            throw TypeMismatch(column.ColumnName, LanceArrowTypes.DisplayName(column), array);
        }

        return vectors;
    }

    /// <summary>The column named <paramref name="column"/> whatever its type, or null (search extras such as <c>_distance</c>).</summary>
    public IArrowArray? FindExtra(string column)
    {
        var index = _batch.Schema.GetFieldIndex(column, StringComparer.Ordinal);
        return index < 0 ? null : _batch.Column(index);
    }

    private InvalidOperationException TypeMismatch(string column, string expected, IArrowArray actual) =>
        new($"Column '{column}' of table '{_table}' holds {actual.Data.DataType.Name}; {_entity} maps it as {expected}.");
}
