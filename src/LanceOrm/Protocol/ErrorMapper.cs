using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>
/// Turns a non-2xx response into the typed <see cref="LanceDbException"/> hierarchy. The message is written for the
/// user and says each thing once: what failed, on which table, the server's reason in short (<see cref="ServerText"/>),
/// and what to do where LanceOrm knows. The whole server text (the API key redacted) stays on
/// <see cref="LanceDbException.ServerMessage"/>.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>
    /// The engine's stable phrase for a full-text search without an inverted (FTS) index on any searched column:
    /// "Cannot perform full text search unless an INVERTED index has been created on at least one column".
    /// </summary>
    private const string MissingFullTextIndexMarker = "unless an INVERTED index has been created";

    public static async Task<LanceDbException> ToExceptionAsync(HttpResponseMessage response, ErrorContext context, string? apiKey, IReadOnlySet<int> retryStatuses, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryPolicy.ReadRetryAfter(response.Headers, DateTimeOffset.UtcNow);
        var retried = context.Call.Retryable && retryStatuses.Contains((int)response.StatusCode);
        return Map(response.StatusCode, body, RequestOptionKeys.RequestIdOf(response.RequestMessage), context, apiKey, RequestOptionKeys.AttemptsOf(response.RequestMessage), retryAfter, retried);
    }

    public static LanceDbException Map(HttpStatusCode status, string body, string? requestId, ErrorContext context, string? apiKey, int attempts = 1, TimeSpan? retryAfter = null, bool retryableStatus = false)
    {
        var serverMessage = Redaction.Redact(Truncate(body.Trim()), apiKey)!;
        var reason = ServerText.Reason(serverMessage);
        var code = (int)status;
        var table = context.Call.Table;
        var what = context.Call.Describe();
        LanceDbException error = code switch
        {
            404 when context.Namespace is { } ns => NamespaceNotFound(what, ns, context.IsCreate, status, serverMessage, requestId),
            409 when context.Namespace is { } ns && context.IsCreate =>
                new NamespaceAlreadyExistsException(ns.Parts, $"Namespace '{ns}' already exists. Keep it with NamespaceCreateMode.ExistOk, or replace it with NamespaceCreateMode.Overwrite.", status, serverMessage, requestId),
            409 when context.Namespace is { } ns && context.Call.Operation == "drop_namespace" =>
                new NamespaceNotEmptyException(ns.Parts, $"{what} failed: the namespace still holds tables or namespaces. Drop them first, or drop with NamespaceDropBehavior.Cascade{Tail(reason)}", status, serverMessage, requestId),
            404 when context.Tag is { } tag && table is not null && MentionsTag(body, tag) =>
                new TagNotFoundException(table, tag, $"{what} failed: the table has no tag '{tag}'. Tags.ListAsync lists its tags.", status, serverMessage, requestId),
            400 or 409 when context.Tag is { } tag && table is not null && body.Contains("already exists", StringComparison.OrdinalIgnoreCase) =>
                new TagAlreadyExistsException(table, tag, $"{what} failed: tag '{tag}' already exists. Move it with Tags.UpdateAsync, or delete it first.", status, serverMessage, requestId),
            400 or 404 when context.Version is { } version && table is not null && MentionsVersion(body, version) =>
                new VersionNotFoundException(table, version, $"{what} failed: the table has no version {Number(version)}. ListVersionsAsync lists its versions.", status, serverMessage, requestId),
            404 when context.Upload && body.Contains("upload", StringComparison.OrdinalIgnoreCase) => new LanceDbException($"{what} failed: the server has no such multipart upload (it was aborted, completed or expired){Tail(reason)}", status, serverMessage, requestId),
            404 when table is not null => new TableNotFoundException(table, $"{what} failed: the table does not exist. Create it with CreateTableAsync, or check the name.", status, serverMessage, requestId),
            400 when context.IsCreate && table is not null && body.Contains("already exists", StringComparison.OrdinalIgnoreCase) =>
                new TableAlreadyExistsException(table, $"Table '{table}' already exists. Open it with CreateMode.ExistOk, or replace it with CreateMode.Overwrite.", status, serverMessage, requestId),
            400 or 422 when context.FullText && table is not null && body.Contains(MissingFullTextIndexMarker, StringComparison.OrdinalIgnoreCase) =>
                new IndexNotFoundException(table, [], MissingFullTextIndex(what), status, serverMessage, requestId),
            400 or 422 when context.Filter is not null => new InvalidFilterException($"{what} failed: the server rejected the filter `{context.Filter}`{Tail(reason)}", context.Filter, status, serverMessage, requestId),
            400 or 422 => new InvalidRequestException($"{what} was rejected by the server (HTTP {Number(code)}){Tail(reason)}", status, serverMessage, requestId),
            401 or 403 => new UnauthorizedException($"{what} was refused (HTTP {Number(code)}): check the API key and the database name.{(reason.Length == 0 ? "" : $" The server said: {reason}.")}", status, serverMessage, requestId),
            429 => new ThrottledException($"{what} was throttled by the server (HTTP 429){(retryAfter is { } wait ? $"; it asked to wait {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : "")}. Try again later, or send fewer requests at once.", status, serverMessage, requestId, retryAfter),
            _ when code >= 500 || code == 409 => new ServerErrorException($"{what} failed on the server (HTTP {Number(code)}){Tail(reason)}", status, serverMessage, requestId),
            _ => new LanceDbException($"{what} failed (HTTP {Number(code)}){Tail(reason)}", status, serverMessage, requestId),
        };

        if (retryableStatus)
        {
            return new RetryLimitExceededException(
                $"{what} gave up after {Number(attempts)} attempt(s), the retry limit; the last one got HTTP {Number(code)} (see the inner exception).",
                attempts, status, serverMessage, requestId, error);
        }

        return error;
    }

    private static NamespaceNotFoundException NamespaceNotFound(string what, NamespacePath ns, bool isCreate, HttpStatusCode status, string serverMessage, string? requestId) =>
        new(ns.Parts, isCreate
            ? $"{what} failed: its parent namespace does not exist. Create the parents first."
            : $"{what} failed: the namespace does not exist. Create it with CreateNamespaceAsync, or check the name.", status, serverMessage, requestId);

    /// <summary>The message of a full-text or hybrid search on a table without the full-text index it needs.</summary>
    public static string MissingFullTextIndex(string what, string? column = null, string? property = null) =>
        $"{what} failed: full-text search needs a full-text index{(column is null ? "" : $" on column '{column}'")}, and the table has none. "
        + $"Declare [FullTextIndex] on {(property is null ? "the searched property" : $"property '{property}'")} and call CreateDeclaredIndicesAsync() once (it waits until the index is ready), "
        + "or create it with CreateFullTextIndexAsync().";

    /// <summary>The engine's phrase for a missing tag names it: "tag {name} does not exist".</summary>
    private static bool MentionsTag(string body, string tag) =>
        body.Contains($"tag {tag} ", StringComparison.OrdinalIgnoreCase) || body.Contains($"tag '{tag}'", StringComparison.OrdinalIgnoreCase);

    /// <summary>The engine's phrases for a missing version name it: "version 9 …", "version main:9 does not exist".</summary>
    private static bool MentionsVersion(string body, long version) =>
        Regex.IsMatch(body, $@"\bversion (\w+:)?{Number(version)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Tail(string reason) => reason.Length == 0 ? "." : $": {reason}.";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

/// <summary>
/// What was being done, to name it in errors: the call, whether it creates (a table or namespace), carries a filter or a
/// full-text query, names a tag, a version or a multipart upload, and the namespace it is about (namespace routes and
/// namespace listings).
/// </summary>
internal sealed record ErrorContext(CallInfo Call, bool IsCreate = false, string? Filter = null, bool FullText = false, string? Tag = null, long? Version = null, NamespacePath? Namespace = null, bool Upload = false);
