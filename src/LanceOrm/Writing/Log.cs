using Microsoft.Extensions.Logging;

namespace LanceOrm.Writing;

/// <summary>Log messages of writes. Counts and table names only, never row content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Writing to table {Table}: {Count} text(s) were longer than the embedding model's input limit and were truncated; their vectors reflect the beginning of the text only.")]
    public static partial void TextsTruncated(ILogger logger, string table, long count);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Writing to table {Table}: the server refused a request of {Rows} row(s) ({Bytes} bytes) as too large (HTTP 413); sending it again in two halves.")]
    public static partial void RequestTooLarge(ILogger logger, string table, int rows, long bytes);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Appending to table {Table} failed, and aborting its multipart upload failed too: {Error}. Its parts were never committed, so the table is unchanged.")]
    public static partial void AbortFailed(ILogger logger, string table, string error);
}
