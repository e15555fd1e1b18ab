using Microsoft.Extensions.Logging;

namespace LanceOrm.Writing;

/// <summary>Log messages of writes. Counts and table names only, never row content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Writing to table {Table}: {Count} text(s) were longer than the embedding model's input limit and were truncated; their vectors reflect the beginning of the text only.")]
    public static partial void TextsTruncated(ILogger logger, string table, long count);
}
