using System.Globalization;
using System.Net;

namespace LanceOrm;

/// <summary>
/// One row alone is larger than a request body may be: its encoded Arrow stream is over
/// <see cref="LanceDbOptions.MaxRequestBodyBytes"/>, or the server refused a request holding only that row with
/// HTTP 413. Rows are split into smaller requests until each fits; a single row cannot be split, so the write stops
/// there. It arrives as the cause of a <see cref="WriteFailedException"/>, whose
/// <see cref="WriteFailedException.ResumePosition"/> is this row's position (every row before it is written).
/// </summary>
public sealed class RowTooLargeException : LanceDbException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="table">The table written to.</param>
    /// <param name="rowIndex">The row's position in the source (0-based).</param>
    /// <param name="key">The row's key.</param>
    /// <param name="encodedBytes">The size of the request body holding only this row.</param>
    /// <param name="limitBytes">The limit it is over: <see cref="LanceDbOptions.MaxRequestBodyBytes"/>, or <c>null</c> when the server refused it (its limit is not known).</param>
    /// <param name="innerException">The server's 413, when it refused the row.</param>
    public RowTooLargeException(string table, long rowIndex, object? key, long encodedBytes, long? limitBytes, Exception? innerException = null)
        : base(Describe(table, rowIndex, key, encodedBytes, limitBytes),
            (innerException as LanceDbException)?.Status ?? (limitBytes is null ? HttpStatusCode.RequestEntityTooLarge : null),
            (innerException as LanceDbException)?.ServerMessage,
            (innerException as LanceDbException)?.RequestId,
            innerException)
    {
        Table = table;
        RowIndex = rowIndex;
        Key = key;
        EncodedBytes = encodedBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>The table written to.</summary>
    public string Table { get; }

    /// <summary>The row's position in the source (0-based).</summary>
    public long RowIndex { get; }

    /// <summary>The row's key.</summary>
    public object? Key { get; }

    /// <summary>The size in bytes of the request body holding only this row (LZ4-compressed Arrow IPC stream, schema included).</summary>
    public long EncodedBytes { get; }

    /// <summary>The client-side limit the row is over (<see cref="LanceDbOptions.MaxRequestBodyBytes"/>), or <c>null</c> when the server refused it with 413.</summary>
    public long? LimitBytes { get; }

    private static string Describe(string table, long rowIndex, object? key, long encodedBytes, long? limitBytes)
    {
        var row = string.Create(CultureInfo.InvariantCulture, $"Row {rowIndex}{(key is null ? "" : $" (key '{key}')")} of a write to table '{table}'");
        return limitBytes is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"{row} alone encodes to {encodedBytes} bytes, over the request body limit of {limit} bytes (LanceDbOptions.MaxRequestBodyBytes), and a row cannot be split. Make its values smaller, or raise the limit if the server accepts larger bodies.")
            : string.Create(CultureInfo.InvariantCulture, $"{row} was refused by the server as too large (HTTP 413) in a request of {encodedBytes} bytes holding only that row, and a row cannot be split. Make its values smaller, or raise the server's request body limit.");
    }
}
