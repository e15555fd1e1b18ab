using Apache.Arrow;

namespace LanceOrm.Mapping;

/// <summary>The <c>fixed_size_list&lt;float32&gt;[n]</c> columns: vector properties and computed embeddings.</summary>
public static partial class ArrowColumnWriter
{
    /// <summary>A vector column from a <c>float[]</c> property; a null or empty vector is a null cell, another length an error.</summary>
    public static IArrowArray Vector<T>(IReadOnlyList<T> entities, LanceColumnInfo column, Func<T, float[]?> get)
    {
        var vectors = new VectorBuilder(entities.Count, column.VectorDimensions);
        for (var row = 0; row < entities.Count; row++)
        {
            vectors.Append(get(entities[row]), row, column);
        }

        return vectors.Build();
    }

    /// <summary>A vector column from a <see cref="ReadOnlyMemory{T}"/> property; an empty vector is a null cell.</summary>
    public static IArrowArray Vector<T>(IReadOnlyList<T> entities, LanceColumnInfo column, Func<T, ReadOnlyMemory<float>> get)
    {
        var vectors = new VectorBuilder(entities.Count, column.VectorDimensions);
        for (var row = 0; row < entities.Count; row++)
        {
            vectors.Append(get(entities[row]).Span, row, column);
        }

        return vectors.Build();
    }

    /// <summary>A vector column from a nullable <see cref="ReadOnlyMemory{T}"/> property; null or empty is a null cell.</summary>
    public static IArrowArray Vector<T>(IReadOnlyList<T> entities, LanceColumnInfo column, Func<T, ReadOnlyMemory<float>?> get)
    {
        var vectors = new VectorBuilder(entities.Count, column.VectorDimensions);
        for (var row = 0; row < entities.Count; row++)
        {
            vectors.Append(get(entities[row]) is { } vector ? vector.Span : default, row, column);
        }

        return vectors.Build();
    }

    /// <summary>
    /// The vector column of <paramref name="embedding"/>: row <c>i</c> is <c>vectors[i × dimensions ..]</c>, or a null
    /// cell when the source text or image is null. <see cref="CheckBatch"/> has checked the buffer's length.
    /// </summary>
    public static IArrowArray Embedding<T>(IReadOnlyList<T> entities, ReadOnlyMemory<float> vectors, EmbeddingBinding<T> embedding)
    {
        var dimensions = embedding.Dimensions;
        var source = vectors.Span;
        var builder = new VectorBuilder(entities.Count, dimensions);
        for (var row = 0; row < entities.Count; row++)
        {
            if (!embedding.HasSource(entities[row]))
            {
                builder.AppendNull();
            }
            else
            {
                builder.AppendValid(source.Slice(row * dimensions, dimensions));
            }
        }

        return builder.Build();
    }

    private sealed class VectorBuilder(int count, int dimensions)
    {
        private readonly FloatArray.Builder _values = new FloatArray.Builder().Reserve(count * dimensions);
        private readonly ArrowBuffer.BitmapBuilder _validity = new(count);
        private int _nullCount;
        private int _length;

        public void Append(ReadOnlySpan<float> vector, int row, LanceColumnInfo column)
        {
            if (vector.IsEmpty)
            {
                AppendNull();
                return;
            }

            if (vector.Length != dimensions)
            {
                throw new ArgumentException($"entities[{row}].{column.PropertyName} has {vector.Length} dimensions; column '{column.ColumnName}' holds {dimensions}.", "entities");
            }

            AppendValid(vector);
        }

        public void AppendValid(ReadOnlySpan<float> vector)
        {
            _validity.Append(true);
            _values.Append(vector);
            _length++;
        }

        public void AppendNull()
        {
            _nullCount++;
            _validity.Append(false);
            for (var k = 0; k < dimensions; k++)
            {
                _values.Append(0f);
            }

            _length++;
        }

        public FixedSizeListArray Build() =>
            new(LanceArrowTypes.Vector(dimensions), _length, _values.Build(), _validity.Build(), _nullCount, 0);
    }
}
