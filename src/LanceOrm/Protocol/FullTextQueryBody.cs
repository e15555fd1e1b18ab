using System.Text.Json;

namespace LanceOrm.Protocol;

/// <summary>
/// The <c>full_text_query</c> of a query body for the server's version, as the official client chooses it (protocol §3):
/// structured from 0.3.0; before, the legacy <c>{"columns", "query"}</c>, which can say only a plain match (one column,
/// several or every indexed one, default options) or an exact phrase (in double quotes). Anything more on an older server
/// is refused before sending.
/// </summary>
internal static class FullTextQueryBody
{
    /// <exception cref="UnsupportedServerVersionException">The server is older than 0.3.0 and the query needs the structured shape.</exception>
    public static JsonElement For(FullTextQueryNode query, Version serverVersion, string table)
    {
        if (serverVersion >= Wire.StructuredFullTextSince)
        {
            return JsonSerializer.SerializeToElement(new StructuredFullTextQuery(query), ProtocolJsonContext.Default.StructuredFullTextQuery);
        }

        var legacy = query switch
        {
            { Match: { HasDefaultOptions: true } match } => new LegacyFullTextQuery(match.Column is null ? [] : [match.Column], match.Terms),
            { MultiMatch: { } multi } when multi.Boost.All(b => b == 1.0) => new LegacyFullTextQuery(multi.Columns, multi.Query),
            { Phrase: { Slop: 0 } phrase } => new LegacyFullTextQuery(phrase.Column is null ? [] : [phrase.Column], $"\"{phrase.Terms}\""), // quotes make a phrase
            _ => null,
        };
        return legacy is not null
            ? JsonSerializer.SerializeToElement(legacy, ProtocolJsonContext.Default.LegacyFullTextQuery)
            : throw new UnsupportedServerVersionException(
                $"The full-text search on table '{table}' ({Describe(query)}) needs a server that takes structured full-text queries (phalanx-version {Wire.StructuredFullTextSince} or later), "
                + $"but the server announces {serverVersion.ToString(3)}. On this server only a plain match (terms on one, several or every indexed column, no boost, fuzziness or operator) or an exact phrase can be sent.",
                serverVersion,
                Wire.StructuredFullTextSince);
    }

    private static string Describe(FullTextQueryNode query) => query switch
    {
        { Match: not null } => "a match with options",
        { Phrase: not null } => "a phrase with slop",
        { Boost: not null } => "a boost",
        { MultiMatch: not null } => "a multi-match with column boosts",
        { Boolean: not null } => "a boolean query",
        _ => "a structured query",
    };
}
