using System.Buffers;
using LanceOrm.Mapping;

namespace LanceOrm.Writing;

/// <summary>
/// Checks rows before they are sent, naming a bad one by its source position and key (<see cref="InvalidRowException"/>):
/// a null row, a null key, a key repeated within the rows checked by this validator, a carried vector of the wrong
/// dimension, and — through the generated mapper, on the error path only — any value that does not fit its column.
/// </summary>
internal sealed class RowValidator<T>(ILanceEntityMap<T> map)
{
    private readonly HashSet<object> _keys = [];

    /// <summary>
    /// Checks a whole in-memory collection before anything is sent: each row (cheap checks, keys unique in the whole
    /// call), then each wire batch through the mapper with placeholder vectors (a dry run of the Arrow build, no
    /// embedding), so a value the mapper would reject is found before the first batch goes out.
    /// </summary>
    public static void CheckCollection(ILanceEntityMap<T> map, IEnumerable<T> rows, int batchSize)
    {
        var validator = new RowValidator<T>(map);
        var batch = new List<T>(batchSize);
        long offset = 0;
        foreach (var row in rows)
        {
            validator.CheckRow(row, offset + batch.Count);
            batch.Add(row);
            if (batch.Count == batchSize)
            {
                validator.CheckMapping(batch, offset);
                offset += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            validator.CheckMapping(batch, offset);
        }
    }

    /// <summary>The cheap checks of one row at source position <paramref name="index"/>.</summary>
    public void CheckRow(T? row, long index)
    {
        if (row is null)
        {
            throw new InvalidRowException(index, null, "the row is null.");
        }

        if (map.GetKey(row) is not { } key)
        {
            throw new InvalidRowException(index, null, $"its key {map.Key.PropertyName} is null.");
        }

        if (!_keys.Add(key))
        {
            throw new InvalidRowException(index, key, $"another row of the same write has the same key (each key may appear once per write call; for a streaming source, once per batch of {nameof(LanceDbOptions.WriteBatchSize)} rows).");
        }

        foreach (var binding in map.Embeddings)
        {
            // The vector the write would keep (a stale one, read for a text that has changed since, is re-embedded instead).
            if (binding.CurrentVector(row) is { } vector && vector.Length != binding.Dimensions)
            {
                throw new InvalidRowException(index, key, $"it carries a {vector.Length}-dimension vector for column '{binding.VectorColumn}'; {binding.Dimensions} are required.");
            }
        }
    }

    /// <summary>Forgets the keys seen (a streaming source checks keys per batch).</summary>
    public void ForgetKeys() => _keys.Clear();

    /// <summary>Builds the batch's record batch once with zero vectors, to find values the mapper rejects.</summary>
    public void CheckMapping(IReadOnlyList<T> rows, long offset)
    {
        try
        {
            Build(rows);
        }
        catch (ArgumentException exception)
        {
            throw Locate(rows, offset, exception);
        }
    }

    /// <summary>
    /// The row of <paramref name="rows"/> (at source offset <paramref name="offset"/>) that made the mapper throw
    /// <paramref name="batchError"/>, found by building its rows one by one (the error path only).
    /// </summary>
    public InvalidRowException Locate(IReadOnlyList<T> rows, long offset, ArgumentException batchError)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                Build([rows[i]]);
            }
            catch (ArgumentException exception)
            {
                var problem = exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal).Replace("entities[0].", "", StringComparison.Ordinal);
                return new InvalidRowException(offset + i, rows[i] is { } row ? map.GetKey(row) : null, problem, exception);
            }
        }

        return new InvalidRowException(offset, rows.Count > 0 && rows[0] is { } first ? map.GetKey(first) : null, batchError.Message, batchError);
    }

    private void Build(IReadOnlyList<T> rows)
    {
        var buffers = new ReadOnlyMemory<float>[map.Embeddings.Count];
        var rented = new float[map.Embeddings.Count][];
        try
        {
            for (var e = 0; e < buffers.Length; e++)
            {
                var length = rows.Count * map.Embeddings[e].Dimensions;
                rented[e] = ArrayPool<float>.Shared.Rent(length);
                Array.Clear(rented[e], 0, length);
                buffers[e] = rented[e].AsMemory(0, length);
            }

            map.ToRecordBatch(rows, buffers).Dispose();
        }
        finally
        {
            foreach (var array in rented)
            {
                if (array is not null)
                {
                    ArrayPool<float>.Shared.Return(array);
                }
            }
        }
    }
}
