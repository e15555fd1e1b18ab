namespace LanceOrm;

/// <summary>
/// A row given to a write cannot be written: it is null, its key is null or repeated within the call, a vector it
/// carries has the wrong dimension, or a value does not fit its column. Names the row by its position in the source and
/// its key. Rows given as an in-memory collection are all checked before the first batch is sent, so this error means
/// nothing was written; from a streaming source it arrives as the cause of a <see cref="WriteFailedException"/>.
/// </summary>
public sealed class InvalidRowException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rowIndex">The row's position in the source (0-based).</param>
    /// <param name="key">The row's key, when it has one.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The error the check raised, if any.</param>
    public InvalidRowException(long rowIndex, object? key, string problem, Exception? innerException = null)
        : base($"Row {rowIndex}{(key is null ? "" : $" (key '{key}')")} cannot be written: {problem}", "rows", innerException)
    {
        RowIndex = rowIndex;
        Key = key;
        Problem = problem;
    }

    /// <summary>The row's position in the source (0-based).</summary>
    public long RowIndex { get; }

    /// <summary>The row's key, or <c>null</c> (a null row or a null key).</summary>
    public object? Key { get; }

    /// <summary>What is wrong with the row.</summary>
    public string Problem { get; }
}
